using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ChatReport.Bot.Cli;

namespace ChatReport.Bot.Teams;

/// <summary>
/// <c>teams-package --out FILE</c>: the zip to upload to Teams (manifest, English strings, both
/// icons) for the bot configured by <c>MicrosoftAppId</c>.
/// </summary>
public sealed partial class TeamsPackageCliCommand(IConfiguration configuration) : ICliCommand
{
    public string Name => "teams-package";

    public string Usage => "teams-package --out chatreport-teams.zip --website https://… [--privacy URL] [--terms URL] [--developer NAME] [--app-version 1.0.0]";

    public string Summary => "Builds the Teams app package (manifest 1.22, zh and en commands, icons) for the configured MicrosoftAppId.";

    /// <summary>It changes no rows; holding the writer for it would only hold up the bot's turns.</summary>
    public bool IsOneUnit => false;

    public bool RunsBeforeMigrations => true;

    public async Task<int> RunAsync(CliArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        arguments.Allow(0, "out", "website", "privacy", "terms", "developer", "app-version");
        var destination = Path.GetFullPath(arguments.Require("out"));
        var appId = configuration["MicrosoftAppId"]?.Trim();
        if (string.IsNullOrEmpty(appId))
        {
            throw new CliFailureException(
                "MicrosoftAppId is empty. Register the bot first (README, Deploy: Azure Bot), then set MicrosoftAppId: Teams knows the bot by that id.");
        }

        if (!Guid.TryParse(appId, out _))
        {
            throw new CliFailureException($"MicrosoftAppId '{appId}' is not a GUID; Teams needs the app registration's Application (client) ID.");
        }

        var website = HttpsUrl(arguments, "website", configuration["TeamsApp:WebsiteUrl"]);
        var settings = new TeamsPackageSettings(
            appId,
            Version(arguments.Get("app-version") ?? "1.0.0"),
            arguments.Get("developer") ?? configuration["TeamsApp:Developer"] ?? "ChatReport",
            website,
            HttpsUrl(arguments, "privacy", configuration["TeamsApp:PrivacyUrl"] ?? website),
            HttpsUrl(arguments, "terms", configuration["TeamsApp:TermsOfUseUrl"] ?? website));

        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var partial = destination + ".partial";
        await using (var file = File.Create(partial))
        await using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            await AddAsync(zip, "manifest.json", Encoding.UTF8.GetBytes(TeamsManifest.Build(settings)), cancellationToken);
            await AddAsync(zip, TeamsManifest.LocalizationFile, Encoding.UTF8.GetBytes(TeamsManifest.BuildEnglish()), cancellationToken);
            await AddAsync(zip, TeamsManifest.ColorIcon, TeamsIcons.Color(), cancellationToken);
            await AddAsync(zip, TeamsManifest.OutlineIcon, TeamsIcons.Outline(), cancellationToken);
        }

        File.Move(partial, destination, overwrite: true);
        await output.WriteLineAsync($"Wrote {destination} for bot {appId}, version {settings.Version}. Upload it in Teams: Apps → Manage your apps → Upload an app.");
        return CliExitCode.Success;
    }

    private static async Task AddAsync(ZipArchive zip, string name, byte[] content, CancellationToken cancellationToken)
    {
        await using var entry = await zip.CreateEntry(name).OpenAsync(cancellationToken);
        await entry.WriteAsync(content, cancellationToken);
    }

    private static string HttpsUrl(CliArguments arguments, string option, string? fallback)
    {
        var value = arguments.Get(option) ?? fallback?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            throw new CliUsageException($"--{option} (or TeamsApp:WebsiteUrl) is required: Teams shows the publisher's https page.");
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? value
            : throw new CliUsageException($"--{option} must be an https URL; '{value}' is not.");
    }

    private static string Version(string value) =>
        SemanticVersion().IsMatch(value) ? value : throw new CliUsageException($"--app-version must look like 1.0.0; '{value}' does not.");

    [GeneratedRegex(@"^\d{1,5}\.\d{1,5}\.\d{1,5}$")]
    private static partial Regex SemanticVersion();
}
