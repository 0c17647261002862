using Zaiko.Data.Users;

namespace Zaiko.Web.Security;

/// <summary>A sign-in attempt's result: the account when it worked, else the message to show (and the account, if one was found).</summary>
public sealed record SignInOutcome(User? User, string? Refusal)
{
    public bool Succeeded => Refusal is null;

    public static SignInOutcome SignedIn(User user) => new(user, null);

    public static SignInOutcome Refused(string message, User? user = null) => new(user, message);
}
