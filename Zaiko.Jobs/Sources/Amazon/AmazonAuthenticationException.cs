namespace Zaiko.Jobs.Sources.Amazon;

/// <summary>
/// No access token could be had from Login with Amazon. <see cref="Status"/> says what the failed check amounts to:
/// <see cref="SourceStatus.Blocked"/> when the credentials were refused (retrying will not help; a person must fix
/// them), <see cref="SourceStatus.TransientError"/> when LWA itself failed, <see cref="SourceStatus.LayoutChanged"/>
/// when its answer could not be read.
/// </summary>
public sealed class AmazonAuthenticationException(string message, SourceStatus status, int httpStatus) : Exception(message)
{
    public SourceStatus Status { get; } = status;

    public int HttpStatus { get; } = httpStatus;
}
