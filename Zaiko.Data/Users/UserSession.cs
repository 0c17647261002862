namespace Zaiko.Data.Users;

/// <summary>What a signed-in request checks about its account.</summary>
public sealed record UserSession(Guid SecurityStamp, string Role, bool Disabled);
