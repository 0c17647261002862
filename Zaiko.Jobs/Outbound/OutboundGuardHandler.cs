using System.Net;
using Microsoft.Extensions.Options;

namespace Zaiko.Jobs.Outbound;

/// <summary>
/// Server-side request forgery guard and response limits for one connector: https only (plain http only
/// to the sandbox origin when it is enabled), allowed hosts only, no literal private addresses, same-host
/// redirects only, a response size cap and an expected content type. Resolved addresses are checked when
/// the connection is made (<see cref="GuardedSocketsHandler"/>).
/// </summary>
public sealed class OutboundGuardHandler(OutboundPolicy policy, IOptions<OutboundOptions> outbound, IOptions<SandboxOptions> sandbox) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var options = outbound.Value;
        if (request.Headers.UserAgent.Count == 0)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        }

        for (var redirects = 0; ; redirects++)
        {
            CheckDestination(request.RequestUri);
            var response = await base.SendAsync(request, cancellationToken);
            if (!IsRedirect(response.StatusCode) || response.Headers.Location is null)
            {
                return await LimitAsync(response, options.MaxResponseBytes, cancellationToken);
            }

            var target = response.Headers.Location.IsAbsoluteUri ? response.Headers.Location : new Uri(request.RequestUri!, response.Headers.Location);
            response.Dispose();
            if (Uri.Compare(target, request.RequestUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
            {
                throw new OutboundRequestRejectedException($"{policy.Source}: redirect from {request.RequestUri!.Host} to another host ({target.Host}) refused");
            }

            if (redirects >= options.MaxRedirects)
            {
                throw new OutboundRequestRejectedException($"{policy.Source}: more than {options.MaxRedirects} redirects");
            }

            request = CloneForRedirect(request, target);
        }
    }

    /// <summary>Throws when a request may not go to <paramref name="uri"/>.</summary>
    public void CheckDestination(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            throw new OutboundRequestRejectedException($"{policy.Source}: request without an absolute URL");
        }

        var isSandbox = sandbox.Value.IsSandboxOrigin(uri);
        if (uri.Scheme != Uri.UriSchemeHttps && !(isSandbox && uri.Scheme == Uri.UriSchemeHttp))
        {
            throw new OutboundRequestRejectedException($"{policy.Source}: only https is allowed, not {uri.Scheme}:// ({uri.GetLeftPart(UriPartial.Authority)})");
        }

        if (isSandbox)
        {
            return;
        }

        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal) && NetworkAddresses.IsPrivateOrLocal(literal))
        {
            throw new OutboundRequestRejectedException($"{policy.Source}: private or loopback address {uri.Host} refused");
        }

        if (!policy.AllowsHost(uri.IdnHost))
        {
            throw new OutboundRequestRejectedException(
                $"{policy.Source}: host {uri.Host} is not allowed (allowed: {string.Join(", ", policy.AllowedHosts)})");
        }
    }

    private async Task<HttpResponseMessage> LimitAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        var content = response.Content;
        if (content.Headers.ContentLength > maxBytes)
        {
            response.Dispose();
            throw new OutboundRequestRejectedException($"{policy.Source}: response of {content.Headers.ContentLength} bytes exceeds the {maxBytes}-byte limit");
        }

        // An empty answer (204, or 200 with Content-Length 0, as webhooks give) carries no content of any type.
        var empty = response.StatusCode == HttpStatusCode.NoContent || content.Headers.ContentLength == 0;
        if (response.IsSuccessStatusCode && !empty && !policy.AllowsContentType(content.Headers.ContentType?.MediaType))
        {
            var mediaType = content.Headers.ContentType?.MediaType ?? "none";
            response.Dispose();
            throw new OutboundRequestRejectedException(
                $"{policy.Source}: unexpected content type {mediaType} (expected {string.Join(" or ", policy.AllowedContentTypes)})");
        }

        // Buffer under the cap here, so a huge or endless body is cut off instead of filling memory.
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                response.Dispose();
                throw new OutboundRequestRejectedException($"{policy.Source}: response exceeds the {maxBytes}-byte limit");
            }

            buffer.Write(chunk, 0, read);
        }

        var limited = new ByteArrayContent(buffer.ToArray());
        foreach (var header in content.Headers)
        {
            limited.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = limited;
        return response;
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400 and not 304;

    private static HttpRequestMessage CloneForRedirect(HttpRequestMessage original, Uri target)
    {
        var next = new HttpRequestMessage(original.Method == HttpMethod.Post ? HttpMethod.Get : original.Method, target);
        foreach (var header in original.Headers)
        {
            next.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in original.Options)
        {
            next.Options.TryAdd(option.Key, option.Value);
        }

        return next;
    }
}
