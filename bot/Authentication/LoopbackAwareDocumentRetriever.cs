using Microsoft.IdentityModel.Protocols;

namespace ChatReport.Bot.Authentication;

/// <summary>
/// Fetches OpenID metadata and key sets through a named client of the factory, a fresh
/// <see cref="HttpClient"/> per call so that handler rotation keeps working. Https is required
/// for every address except loopback ones, which only a local test identity provider uses.
/// </summary>
internal sealed class LoopbackAwareDocumentRetriever(IHttpClientFactory httpClientFactory, string clientName) : IDocumentRetriever
{
    public Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        var retriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(clientName))
        {
            RequireHttps = !(Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback),
        };
        return retriever.GetDocumentAsync(address, cancel);
    }
}
