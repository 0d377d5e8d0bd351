using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ChatReport.Bot.Storage.Connections;

/// <summary>
/// Keeps ASP.NET Core's data-protection keys in the database: the Web Chat sign-in cookies stay
/// readable after a restart, and several instances on one database share the key ring.
/// </summary>
/// <remarks>
/// <see cref="IXmlRepository"/> is synchronous by contract. It is called when the key ring is
/// loaded or renewed (at start and then about once a day) and when a key is created, never per
/// request, and ASP.NET Core has no synchronization context, so waiting on the async store here
/// cannot deadlock.
/// </remarks>
public sealed class DataProtectionKeyStore(DbConnectionFactory connections, TimeProvider time) : IXmlRepository
{
    private const string All = """
        SELECT xml FROM data_protection_keys ORDER BY created_at, friendly_name
        """;

    private const string Insert = """
        INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@FriendlyName, @Xml, @CreatedAt)
        ON CONFLICT (friendly_name) DO UPDATE SET xml = excluded.xml
        """;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
#pragma warning disable VSTHRD002 // Synchronous by contract; see the remarks.
        return ReadAsync(CancellationToken.None).GetAwaiter().GetResult();
#pragma warning restore VSTHRD002
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
#pragma warning disable VSTHRD002 // Synchronous by contract; see the remarks.
        connections.WriteAsync(
            async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(
                Insert,
                new { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting), CreatedAt = time.GetUtcNow() },
                transaction)),
            CancellationToken.None).GetAwaiter().GetResult();
#pragma warning restore VSTHRD002
    }

    private async Task<IReadOnlyCollection<XElement>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(All, cancellationToken: cancellationToken));
        return [.. rows.Select(XElement.Parse)];
    }
}
