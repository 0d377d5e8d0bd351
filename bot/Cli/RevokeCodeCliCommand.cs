using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Cli;

public sealed class RevokeCodeCliCommand(IJoinCodes codes) : ICliCommand
{
    public string Name => "revoke-code";

    public string Usage => "revoke-code <code>   (or --code <code>)";

    public string Summary => "Revokes a join code.";

    public async Task<int> RunAsync(CliArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        arguments.Allow(1, "code");
        var code = arguments.Get("code") ?? (arguments.Positional.Count == 1 ? arguments.Positional[0] : throw new CliUsageException("Give the code."));
        if (!await codes.RevokeAsync(code, revokedBy: null, cancellationToken))
        {
            throw new CliFailureException($"There is no usable code {code} (unknown or already revoked).");
        }

        await output.WriteLineAsync($"Revoked {code.Trim()}.");
        return CliExitCode.Success;
    }
}
