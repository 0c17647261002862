using System.Diagnostics;
using System.Net;

namespace Zaiko.Jobs.Outbound;

/// <summary>Times every attempt and records it; a 5xx, 429 or exception counts as a failure, a 404 does not.</summary>
public sealed class SourceHealthHandler(string source, SourceHealthRegistry registry) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var failed = (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests;
            registry.RecordAttempt(source, Stopwatch.GetElapsedTime(started), !failed,
                failed ? $"HTTP {(int)response.StatusCode} from {request.RequestUri?.Host}" : null);
            return response;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            registry.RecordAttempt(source, Stopwatch.GetElapsedTime(started), false, ex.Message);
            throw;
        }
    }
}
