namespace Zaiko.Jobs.Outbound;

/// <summary>
/// One seller's authorisation of our app at Login with Amazon, and where to exchange it. A token is issued for the
/// client id and refresh token together; the endpoint is only where it is asked for.
/// </summary>
public sealed record LwaCredentials(string ClientId, string ClientSecret, string RefreshToken, Uri TokenUrl)
{
    /// <summary>Names the app and the endpoint, never the secret or the refresh token, so logging one leaks nothing.</summary>
    public override string ToString() => $"LwaCredentials {{ ClientId = {ClientId}, TokenUrl = {TokenUrl} }}";
}
