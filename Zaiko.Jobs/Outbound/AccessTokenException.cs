namespace Zaiko.Jobs.Outbound;

/// <summary>
/// A token endpoint answered, but not with a token: it refused the request (<see cref="HttpStatus"/> with OAuth's
/// <see cref="Error"/> and <see cref="Description"/> where it gave them), or its answer could not be read
/// (<see cref="Unreadable"/>). Network trouble, timeouts and the like are not this exception: they keep their own
/// types, as for any other request.
/// </summary>
public sealed class AccessTokenException(string message, int httpStatus, string? error, string? description, bool unreadable) : Exception(message)
{
    public int HttpStatus { get; } = httpStatus;

    /// <summary>OAuth's error code, e.g. <c>invalid_grant</c> (refresh token revoked or mistyped) or <c>invalid_client</c> (app id or secret).</summary>
    public string? Error { get; } = error;

    public string? Description { get; } = description;

    /// <summary>The endpoint answered with success, but without a token that could be read.</summary>
    public bool Unreadable { get; } = unreadable;

    /// <summary>OAuth answers refused credentials with 400 or 401: trying again will not help until a person fixes them.</summary>
    public bool CredentialsRefused => !Unreadable && HttpStatus is 400 or 401;

    /// <summary>"invalid_grant (the description)", or "HTTP 503" when the endpoint gave no OAuth error.</summary>
    public string Detail => Error is null ? $"HTTP {HttpStatus}" : Error + (Description is null ? "" : $" ({Description})");
}
