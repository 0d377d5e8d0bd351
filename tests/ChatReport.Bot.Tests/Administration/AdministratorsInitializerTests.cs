using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Administration;

public sealed class AdministratorsInitializerTests
{
    [Fact]
    public async Task TheConfiguredAdministratorsAdministerTheRootAfterEveryStartAndASecondStartChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("chatreport-admins-").FullName;
        var path = Path.Combine(folder, "bot.db");
        try
        {
            for (var start = 0; start < 2; start++)
            {
                await using (var app = new ChatReportApplication()
                    .WithSetting("ConnectionStrings:ChatReport", $"Data Source={path}")
                    .WithSetting("Administrators:0", "msteams:29:abc:def")
                    .WithSetting("Administrators:1", "directline:admin"))
                {
                    using (var client = app.CreateClient())
                    {
                        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), ct);
                        var units = app.Services.GetRequiredService<IOrganisation>();
                        var members = app.Services.GetRequiredService<IMemberDirectory>();
                        var root = Assert.Single(await units.ListChildrenAsync(null, ct));
                        Assert.Equal("党委", root.Name);
                        Assert.Equal(OrgUnitKind.Committee, root.Kind);
                        foreach (var (channel, user) in new[] { ("msteams", "29:abc:def"), ("directline", "admin") })
                        {
                            var member = await members.FindByAccountAsync(channel, user, ct);
                            Assert.NotNull(member);
                            Assert.Equal(user, member.DisplayName);
                            var role = Assert.Single(await members.GetRolesAsync(member.Id, ct));
                            Assert.Equal((root.Id, Role.Administrator), (role.UnitId, role.Role));
                        }

                        Assert.Equal(2, (await members.ListMembersAsync(root.Id, ct)).Count);
                    }
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
