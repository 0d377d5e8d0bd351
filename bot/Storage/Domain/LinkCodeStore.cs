using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Conversation.Domain;
using Dapper;

namespace ChatReport.Bot.Storage.Domain;

public sealed class LinkCodeStore(DbConnectionFactory connections, TimeProvider time) : ILinkCodes
{
    private const string ActiveMember = """
        SELECT id, unit_id, display_name, is_active, joined_at FROM members WHERE id = @Id AND is_active = TRUE
        """;

    private const string DeleteOfMemberOrExpired = """
        DELETE FROM link_codes WHERE member_id = @MemberId OR expires_at <= @Now
        """;

    private const string Insert = """
        INSERT INTO link_codes (code_hash, member_id, created_at, expires_at)
        VALUES (@CodeHash, @MemberId, @CreatedAt, @ExpiresAt)
        ON CONFLICT (code_hash) DO NOTHING
        """;

    private const string Attempts = """
        SELECT failures, window_start FROM link_attempts WHERE channel_id = @ChannelId AND user_id = @UserId
        """;

    private const string AccountOwner = """
        SELECT m.id, m.unit_id, m.display_name, m.is_active, m.joined_at
        FROM channel_accounts a JOIN members m ON m.id = a.member_id
        WHERE a.channel_id = @ChannelId AND a.user_id = @UserId
        """;

    // The expiry test is here rather than in C# so that an expired row can never match.
    private const string LiveCodeMember = """
        SELECT m.id, m.unit_id, m.display_name, m.is_active, m.joined_at
        FROM link_codes c JOIN members m ON m.id = c.member_id
        WHERE c.code_hash = @CodeHash AND c.expires_at > @Now AND m.is_active = TRUE
        """;

    private const string UseCode = """
        DELETE FROM link_codes WHERE code_hash = @CodeHash
        """;

    private const string InsertAccount = """
        INSERT INTO channel_accounts (channel_id, user_id, member_id, user_name, linked_at)
        VALUES (@ChannelId, @UserId, @MemberId, @UserName, @LinkedAt)
        """;

    private const string ClearAttempts = """
        DELETE FROM link_attempts WHERE channel_id = @ChannelId AND user_id = @UserId
        """;

    private const string CountFailure = """
        INSERT INTO link_attempts (channel_id, user_id, failures, window_start)
        VALUES (@ChannelId, @UserId, 1, @Now)
        ON CONFLICT (channel_id, user_id) DO UPDATE
            SET failures = CASE WHEN link_attempts.window_start <= @WindowOpen THEN 1 ELSE link_attempts.failures + 1 END,
                window_start = CASE WHEN link_attempts.window_start <= @WindowOpen THEN @Now ELSE link_attempts.window_start END
        """;

    public Task<LinkCode?> IssueAsync(long memberId, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                if (await connection.QuerySingleOrDefaultAsync<Member>(new CommandDefinition(ActiveMember, new { Id = memberId }, transaction, cancellationToken: cancellationToken)) is null)
                {
                    return null;
                }

                var now = time.GetUtcNow();
                var expiresAt = now + ILinkCodes.Lifetime;
                // One live code per member: asking again makes the previous one worthless.
                await connection.ExecuteAsync(new CommandDefinition(DeleteOfMemberOrExpired, new { MemberId = memberId, Now = now }, transaction, cancellationToken: cancellationToken));
                while (true)
                {
                    var code = RandomNumberGenerator.GetInt32(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture);
                    var inserted = await connection.ExecuteAsync(new CommandDefinition(
                        Insert,
                        new { CodeHash = Hash(code), MemberId = memberId, CreatedAt = now, ExpiresAt = expiresAt },
                        transaction,
                        cancellationToken: cancellationToken));
                    if (inserted == 1)
                    {
                        return new LinkCode(code, memberId, expiresAt);
                    }
                }
            },
            cancellationToken);

    public Task<LinkRedemption> RedeemAsync(string code, string channelId, string userId, string? userName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return connections.WriteAsync(
            async (connection, transaction) =>
            {
                var account = new { ChannelId = channelId, UserId = userId };
                if (await connection.QuerySingleOrDefaultAsync<Member>(new CommandDefinition(AccountOwner, account, transaction, cancellationToken: cancellationToken)) is { } owner)
                {
                    return new LinkRedemption(LinkRedemptionStatus.AlreadyMember, owner);
                }

                var now = time.GetUtcNow();
                var windowOpen = now - ILinkCodes.FailureWindow;
                var attempts = await connection.QuerySingleOrDefaultAsync<AttemptRow>(new CommandDefinition(
                    Attempts, account, transaction, cancellationToken: cancellationToken));
                if (attempts is { } seen && seen.WindowStart > windowOpen && seen.Failures >= ILinkCodes.MaxFailures)
                {
                    return new LinkRedemption(LinkRedemptionStatus.TooManyAttempts, null);
                }

                var codeHash = Hash(code.Trim());
                var member = await connection.QuerySingleOrDefaultAsync<Member>(new CommandDefinition(
                    LiveCodeMember, new { CodeHash = codeHash, Now = now }, transaction, cancellationToken: cancellationToken));
                if (member is null)
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        CountFailure, new { ChannelId = channelId, UserId = userId, Now = now, WindowOpen = windowOpen }, transaction, cancellationToken: cancellationToken));
                    return new LinkRedemption(LinkRedemptionStatus.WrongCode, null);
                }

                var link = new ChannelAccountLink(channelId, userId, member.Id, userName, now);
                await connection.ExecuteAsync(new CommandDefinition(UseCode, new { CodeHash = codeHash }, transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(InsertAccount, link, transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(ClearAttempts, account, transaction, cancellationToken: cancellationToken));
                await AuditLog.WriteAsync(
                    connection, transaction, now, member.Id, "member.link_account", AuditSubjects.Member,
                    member.Id.ToString(CultureInfo.InvariantCulture), null, new { link, Via = "link_code" }, cancellationToken);
                return new LinkRedemption(LinkRedemptionStatus.Linked, member);
            },
            cancellationToken);
    }

    private sealed record AttemptRow(int Failures, DateTimeOffset WindowStart);

    // Six digits hashed without a salt are still guessable offline; the hash only keeps live
    // codes out of backups and shell sessions. Guessing online is what the throttle stops.
    private static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
