using System.Globalization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Zaiko.Jobs.Alerts;

/// <summary>
/// Where mail goes when no SMTP server is set: one .eml file per message (any mail client opens it), so a
/// machine without mail still shows exactly what would have been sent.
/// </summary>
public sealed class MailDropFolder(IOptions<AlertOptions> options, TimeProvider timeProvider)
{
    public string DirectoryPath => options.Value.MailDirectoryPath;

    /// <summary>Writes the message and returns the file's full path.</summary>
    public async Task<string> WriteAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DirectoryPath);
        var name = string.Create(CultureInfo.InvariantCulture,
            $"{timeProvider.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("N")[..12]}.eml");
        var path = Path.Combine(DirectoryPath, name);
        await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024, useAsync: true);
        await message.WriteToAsync(stream, cancellationToken);
        return path;
    }
}
