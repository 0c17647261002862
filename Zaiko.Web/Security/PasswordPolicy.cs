namespace Zaiko.Web.Security;

/// <summary>
/// What a password must be: at least <see cref="MinLength"/> characters, not the account's e-mail address, and not
/// one of the passwords every attacker tries first. The message says which rule failed, in Japanese.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;

    public const int MaxLength = 256;

    // The most common passwords of twelve or more characters in public breach lists, plus this product's name.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "123456123456", "111111111111", "000000000000",
        "password1234", "password12345", "passwordpassword", "password123!", "p@ssw0rd1234", "p@ssword1234",
        "qwertyuiop12", "qwertyuiopas", "qwerty123456", "1qaz2wsx3edc", "abcdefghijkl", "abc123456789",
        "iloveyou1234", "letmein12345", "welcome12345", "admin1234567", "administrator", "changeme1234",
        "zaiko1234567", "zaikozaiko12", "zaikopassword",
    };

    /// <returns>Null when the password is acceptable, else why not.</returns>
    public static string? Problem(string? password, string email)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "パスワードを入力してください";
        }

        if (password.Length < MinLength)
        {
            return $"パスワードは {MinLength} 文字以上にしてください (現在 {password.Length} 文字)";
        }

        if (password.Length > MaxLength)
        {
            return $"パスワードは {MaxLength} 文字以内にしてください";
        }

        var address = email.Trim();
        if (string.Equals(password.Trim(), address, StringComparison.OrdinalIgnoreCase)
            || (address.Split('@')[0] is { Length: >= 4 } local && string.Equals(password.Trim(), local, StringComparison.OrdinalIgnoreCase)))
        {
            return "メールアドレスをパスワードに使うことはできません";
        }

        if (Common.Contains(password))
        {
            return "よく使われる推測されやすいパスワードです。別のパスワードにしてください";
        }

        return null;
    }
}
