using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatReport.Bench;

/// <summary>
/// Hostile input: a fixed corpus (broken JSON, wrong types in every field, huge strings, odd
/// Unicode, SQL injection in every text field, deep nesting, odd activity types and serviceUrls)
/// and seeded random mutations of a valid activity, sent to <c>/api/messages</c> and to the
/// Direct Line endpoint. A violation is any 5xx, a dead process, or an inconsistent database.
/// Some cases walk into the dialogs (join and report with hostile names and sentences).
/// </summary>
internal static class Fuzzer
{
    private const string Injection = "'; DROP TABLE claims;--";

    private static readonly string[] OddStrings =
    [
        Injection,
        "x'); DROP TABLE m;--",
        "1 OR 1=1",
        "\" OR \"\"=\"",
        "申报 昨天在村口扫雪'; DELETE FROM ledger_entries;--",
        "\u202E申报 昨天在村口扫雪\u202C",
        "加\u200B入 700001",
        "\uFEFF我的积分",
        "\u0000\u0001\u001F",
        "a\u0301\u0302\u0303\u0304\u0305\u0306\u0307",
        "👨‍👩‍👧‍👦🏳️‍🌈",
        "%s%n%x{0}{{}}${jndi:ldap://x}",
        "<script>alert(1)</script>",
        "../../../../etc/passwd",
        "\\u0000",
        "𠀀𪜀", // astral CJK
        "ﷺ﷽",
        "",
        " ",
    ];

    public static async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var work = args.WorkFolder();
        var database = Path.Combine(work, "fuzz.db");
        var codes = await Seeder.CreateDatabaseAsync(args.BotDll, database, 10, cancellationToken);
        await using var stub = new ConnectorStub();
        await stub.StartAsync();
        // The demo page's token endpoint takes user ids from the body: the fuzzer exercises that parsing.
        await using var bot = BotProcess.ChatReport(args.BotDll, database, Path.Combine(work, "fuzz.log"), "--WebChat:PickIdentity=true");
        await bot.StartAsync(cancellationToken);
        var random = new Random(args.Int("--seed", 8));
        var mutations = args.Int("--mutations", 3000);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var statuses = new Dictionary<string, int>();
        var serverErrors = new List<string>();
        var sent = 0;

        async Task SendAsync(string target, Uri url, HttpContent content, string label, string? bearer = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
            if (bearer is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", bearer);
            }

            sent++;
            string key;
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                key = $"{target} {(int)response.StatusCode}";
                if ((int)response.StatusCode >= 500)
                {
                    serverErrors.Add($"{target} {(int)response.StatusCode} for {label}");
                }
            }
            catch (HttpRequestException ex)
            {
                key = $"{target} connection error";
                serverErrors.Add($"{target} connection error for {label}: {ex.Message}");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                key = $"{target} timeout";
                serverErrors.Add($"{target} no answer in 60 s for {label}");
            }

            statuses[key] = statuses.GetValueOrDefault(key) + 1;
        }

        HttpContent Json(string body) => new StringContent(body, Encoding.UTF8, "application/json");

        // 1. /api/messages: the corpus, then random mutations.
        var messages = bot.MessagesUrl;
        foreach (var (label, body) in Corpus(stub.ServiceUrl, codes[0]))
        {
            await SendAsync("/api/messages", messages, body, label);
        }

        for (var i = 0; i < mutations; i++)
        {
            var (label, json) = Mutate(random, Valid(stub.ServiceUrl, $"fuzz-m{i}", $"a:fuzz-conv-{random.Next(50)}", $"29:fuzz-user-{random.Next(50)}", "王芳", "我的积分"));
            await SendAsync("/api/messages", messages, Json(json), label);
        }

        // Dialog-deep cases: join with hostile names, report hostile sentences, submit.
        foreach (var (odd, n) in OddStrings.Select((s, n) => (s, n)))
        {
            var conversation = $"a:fuzz-deep-{n}";
            var user = $"29:fuzz-deep-{n}";
            var name = odd.Length is > 0 and <= 20 ? odd : "王芳";
            var steps = new[] { $"加入 {codes[0]}", "否", odd.Length == 0 ? "张三" : odd, $"申报 昨天在{odd}扫雪 {odd}", "跳过", "修改", "地点", odd, "提交", "我的积分", $"撤回 {odd}" };
            foreach (var (text, s) in steps.Select((t, s) => (t, s)))
            {
                var activity = Valid(stub.ServiceUrl, $"deep-{n}-{s}", conversation, user, name, text);
                await SendAsync("/api/messages", messages, Json(activity.ToJsonString()), $"deep {n}/{s}: {text}");
            }
        }

        // 2. Direct Line: a token from the Web Chat page's endpoint, then the same kind of abuse.
        var tokenResponse = await http.PostAsync(new Uri(bot.BaseUrl, "webchat/token"), Json("""{"userId":"dl_fuzz","name":"王芳"}"""), cancellationToken);
        var tokenJson = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync(cancellationToken))!;
        var token = (string)tokenJson["token"]!;
        var dlConversation = (string)tokenJson["conversationId"]!;
        var dlActivities = new Uri(bot.BaseUrl, $"v3/directline/conversations/{Uri.EscapeDataString(dlConversation)}/activities");
        foreach (var (label, body) in DirectLineCorpus(codes[0]))
        {
            await SendAsync("directline", dlActivities, body, label, "Bearer " + token);
        }

        for (var i = 0; i < mutations / 3; i++)
        {
            var (label, json) = Mutate(random, new JsonObject
            {
                ["type"] = "message",
                ["from"] = new JsonObject { ["id"] = "dl_fuzz", ["name"] = "王芳" },
                ["text"] = OddStrings[random.Next(OddStrings.Length)],
                ["locale"] = "zh-CN",
            });
            await SendAsync("directline", dlActivities, Json(json), label, "Bearer " + token);
        }

        foreach (var (label, path, bearer) in new[]
        {
            ("no token", $"v3/directline/conversations/{Uri.EscapeDataString(dlConversation)}/activities", (string?)null),
            ("junk token", $"v3/directline/conversations/{Uri.EscapeDataString(dlConversation)}/activities", "Bearer " + Injection),
            ("huge token", $"v3/directline/conversations/{Uri.EscapeDataString(dlConversation)}/activities", "Bearer " + new string('A', 60000)),
            ("injected conversation id", $"v3/directline/conversations/{Uri.EscapeDataString(Injection)}/activities", "Bearer " + token),
            ("odd conversation id", $"v3/directline/conversations/{Uri.EscapeDataString("\u202E\u200B../..")}/activities", "Bearer " + token),
            ("start conversation with junk", "v3/directline/conversations", "Bearer " + Injection),
            ("generate token with junk", "v3/directline/tokens/generate", "Bearer " + Injection),
            ("refresh junk", "v3/directline/tokens/refresh", "Bearer " + token + "x"),
        })
        {
            await SendAsync("directline", new Uri(bot.BaseUrl, path), Json("""{"type":"message","from":{"id":"dl_fuzz"},"text":"hi"}"""), label, bearer);
        }

        foreach (var body in new[] { "{", "null", "[]", """{"userId":"'; DROP TABLE claims;--","name":"'; DROP TABLE claims;--"}""", """{"userId":"\uD800","name":"\uDFFF"}""", """{"userId":123,"name":[]}""", "{\"userId\":\"" + new string('x', 20000) + "\",\"name\":\"a\"}", """{"userId":"u","name":"n","group":"'; DROP TABLE claims;--"}""" })
        {
            await SendAsync("webchat/token", new Uri(bot.BaseUrl, "webchat/token"), Json(body), body.Length > 80 ? body[..80] : body);
        }

        // 3. The bot is alive and still serves a real member.
        var alive = bot.IsAlive;
        var flow = await new FlowLoad(stub, () => bot.MessagesUrl, codes).RunAsync(new LoadOptions(2, TimeSpan.FromSeconds(3)), cancellationToken);
        await bot.StopAsync();
        var db = await DatabaseCheck.RunAsync(database, cancellationToken);

        var problems = new List<string>(db.Problems);
        problems.AddRange(serverErrors.Take(20));
        if (serverErrors.Count > 20)
        {
            problems.Add($"… {serverErrors.Count - 20} more 5xx/connection errors");
        }

        if (!alive)
        {
            problems.Add("the bot process died");
        }

        if (flow.SubmitsConfirmed == 0)
        {
            problems.Add("after the fuzzing a member flow no longer completes");
        }

        Console.WriteLine($"fuzz: {sent} hostile requests; answers: " + string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} ×{s.Value}")));
        Console.WriteLine($"fuzz: process alive afterwards: {alive}; a normal member flow afterwards: {flow.Flows} flows, {flow.SubmitsConfirmed} claims");
        db.Print();
        return RedeliveryCheck.Report("fuzz", problems);
    }

    private static JsonObject Valid(string serviceUrl, string id, string conversationId, string userId, string userName, string text) => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["timestamp"] = "2026-11-26T08:40:19.000Z",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = userId, ["name"] = userName },
        ["recipient"] = new JsonObject { ["id"] = "28:bench-bot", ["name"] = "ChatReport" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = "t" },
        ["locale"] = "zh-CN",
        ["text"] = text,
    };

    private static IEnumerable<(string Label, HttpContent Body)> Corpus(string serviceUrl, string code)
    {
        static HttpContent J(string s) => new StringContent(s, Encoding.UTF8, "application/json");
        var valid = Valid(serviceUrl, "corpus-0", "a:fuzz-corpus", "29:fuzz-corpus", "王芳", "我的积分").ToJsonString();
        yield return ("empty body", J(""));
        yield return ("truncated", J(valid[..(valid.Length / 2)]));
        yield return ("trailing garbage", J(valid + "}}}]]"));
        foreach (var literal in new[] { "null", "[]", "[{}]", "\"message\"", "123", "true", "{}", "{\"type\":null}", "{\"type\":\"\"}", "{\"type\":\"message\"}" })
        {
            yield return ("literal " + literal, J(literal));
        }

        yield return ("invalid UTF-8", new ByteArrayContent([0x7B, 0x22, 0x74, 0x79, 0x70, 0x65, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x7D]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });
        yield return ("BOM", new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(valid)]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });
        yield return ("UTF-16 body", new ByteArrayContent(Encoding.Unicode.GetBytes(valid)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });
        yield return ("text/plain", new StringContent(valid, Encoding.UTF8, "text/plain"));
        yield return ("lone surrogates escaped", J(valid.Replace("我的积分", "\\uD800\\uDBFF\\uDC00x", StringComparison.Ordinal)));
        yield return ("lone surrogate in id", J(valid.Replace("corpus-0", "\\uDFFF", StringComparison.Ordinal)));
        yield return ("NUL in conversation id", J(valid.Replace("a:fuzz-corpus", "a:\\u0000x", StringComparison.Ordinal)));
        yield return ("deep array nesting", J(valid.Replace("\"text\":", "\"channelData\":" + new string('[', 100000) + new string(']', 100000) + ",\"text\":", StringComparison.Ordinal)));
        yield return ("deep object nesting", J(valid.Replace("\"text\":", "\"value\":" + string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000) + ",\"text\":", StringComparison.Ordinal)));
        yield return ("200 KB text", J(Valid(serviceUrl, "corpus-big", "a:fuzz-corpus", "29:fuzz-corpus", "王芳", "申报 昨天" + new string('雪', 65000)).ToJsonString()));
        yield return ("300 KB text", J(Valid(serviceUrl, "corpus-bigger", "a:fuzz-corpus", "29:fuzz-corpus", "王芳", new string('x', 300000)).ToJsonString()));
        yield return ("100 KB id", J(Valid(serviceUrl, new string('i', 100000), "a:fuzz-corpus", "29:fuzz-corpus", "王芳", "hi").ToJsonString()));
        yield return ("50 KB conversation id", J(Valid(serviceUrl, "corpus-c", new string('c', 50000), "29:fuzz-corpus", "王芳", "hi").ToJsonString()));
        yield return ("50 KB user name", J(Valid(serviceUrl, "corpus-n", "a:fuzz-corpus-n", "29:fuzz-corpus-n", new string('名', 50000), $"加入 {code}").ToJsonString()));
        foreach (var url in new[] { "file:///etc/passwd", "javascript:alert(1)", "ftp://x/", "http://127.0.0.1:1/", "http://[::1]:1/", "not a url", Injection })
        {
            yield return ("serviceUrl " + url, J(Valid(url, "corpus-url-" + url.GetHashCode(StringComparison.Ordinal), "a:fuzz-url", "29:fuzz-url", "王芳", "我的积分").ToJsonString()));
        }

        foreach (var type in new[] { "invoke", "conversationUpdate", "event", "installationUpdate", "endOfConversation", "messageReaction", "typing", "💥", Injection, "MESSAGE" })
        {
            var activity = Valid(serviceUrl, "corpus-type-" + type.GetHashCode(StringComparison.Ordinal), "a:fuzz-type", "29:fuzz-type", "王芳", Injection);
            activity["type"] = type;
            activity["name"] = Injection;
            activity["value"] = new JsonObject { ["action"] = Injection, ["claimId"] = "1 OR 1=1", ["verb"] = new JsonArray(1, 2) };
            activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = Injection }, "x", 5);
            yield return ("type " + type, J(activity.ToJsonString()));
        }
    }

    private static IEnumerable<(string Label, HttpContent Body)> DirectLineCorpus(string code)
    {
        static HttpContent J(string s) => new StringContent(s, Encoding.UTF8, "application/json");
        foreach (var text in new[] { "", "{", "null", "[]", "123", "{}", "{\"type\":5}", """{"type":"message","text":{"a":1}}""",
            """{"type":"message","from":{"id":"someone_else"},"text":"我的积分"}""",
            $$"""{"type":"message","from":{"id":"dl_fuzz"},"text":"加入 {{code}}"}""",
            """{"type":"message","from":{"id":"dl_fuzz"},"text":"'; DROP TABLE claims;--"}""",
            """{"type":"message","from":{"id":"dl_fuzz"},"text":"\uD800\uDC00\uDBFF"}""",
            """{"type":"message","from":{"id":"dl_fuzz"},"attachments":"x"}""",
            """{"type":"message","from":{"id":"dl_fuzz"},"attachments":[{"contentType":5,"contentUrl":"javascript:x"}]}""",
            """{"type":"invoke","name":"'; DROP TABLE claims;--","from":{"id":"dl_fuzz"}}""",
            """{"type":"conversationUpdate","from":{"id":"dl_fuzz"},"membersAdded":[{"id":"x"}]}""",
            """{"type":"message","from":{"id":"dl_fuzz"},"serviceUrl":"http://127.0.0.1:1/","channelId":"msteams","conversation":{"id":"'; DROP TABLE claims;--"},"text":"hi"}""",
            "{\"type\":\"message\",\"from\":{\"id\":\"dl_fuzz\"},\"text\":\"" + new string('x', 300000) + "\"}",
            "{\"type\":\"message\",\"from\":{\"id\":\"dl_fuzz\"},\"channelData\":" + new string('[', 50000) + new string(']', 50000) + "}" })
        {
            yield return (text.Length > 80 ? text[..80] : text, J(text));
        }
    }

    /// <summary>One to three random changes to a valid activity: a field's type, value or presence.</summary>
    private static (string Label, string Json) Mutate(Random random, JsonObject activity)
    {
        var labels = new List<string>();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var paths = Paths(activity).ToList();
            var (parent, key) = paths[random.Next(paths.Count)];
            JsonNode? value = random.Next(12) switch
            {
                0 => null,
                1 => JsonValue.Create(random.Next()),
                2 => JsonValue.Create(-1.5e308),
                3 => new JsonArray(1, "a", null),
                4 => new JsonObject { ["$where"] = Injection },
                5 => JsonValue.Create(true),
                6 => JsonValue.Create(new string((char)random.Next(0xD800, 0xE000), random.Next(1, 5))),
                7 => JsonValue.Create(new string('長', random.Next(1000, 40000))),
                8 => JsonValue.Create(OddStrings[random.Next(OddStrings.Length)]),
                9 => JsonValue.Create(Injection),
                10 => JsonValue.Create(string.Concat(Enumerable.Range(0, 20).Select(_ => (char)random.Next(0, 0x3000)))),
                _ => JsonValue.Create("\u202E" + (parent[key]?.ToString() ?? "") + "\u200B"),
            };
            if (random.Next(10) == 0)
            {
                parent.Remove(key);
                labels.Add($"-{key}");
            }
            else
            {
                parent[key] = value;
                labels.Add($"{key}={(value?.ToJsonString() is { } v ? v[..Math.Min(v.Length, 30)] : "null")}");
            }
        }

        return (string.Join(" ", labels), activity.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    private static IEnumerable<(JsonObject Parent, string Key)> Paths(JsonObject node)
    {
        foreach (var (key, value) in node.ToList())
        {
            yield return (node, key);
            if (value is JsonObject child)
            {
                foreach (var inner in Paths(child))
                {
                    yield return inner;
                }
            }
        }
    }
}
