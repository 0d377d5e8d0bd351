namespace ChatReport.Bot.DirectLine;

/// <summary>A request body read up to a limit: its bytes, or the fact that it was too large.</summary>
public sealed record RequestBody(byte[] Bytes, bool TooLarge)
{
    public bool IsEmpty => Bytes.Length == 0;

    /// <summary>Reads at most <paramref name="limit"/> bytes, whatever Content-Length claims (chunked bodies too).</summary>
    public static async Task<RequestBody> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit)
        {
            return new RequestBody([], TooLarge: true);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return new RequestBody([], TooLarge: true);
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        return new RequestBody(buffer.ToArray(), TooLarge: false);
    }
}
