using Zaiko.Web.Cli;
using Zaiko.Web.Hosting;

var invocation = Invocation.Parse(args);
if (invocation.Error is not null)
{
    await Console.Error.WriteLineAsync(invocation.Error);
    return 2;
}

if (invocation.Verb is not null)
{
    return await CliCommands.RunAsync(invocation);
}

var app = ZaikoApplication.Build(invocation.HostArgs, invocation.Role);
await app.PrepareAsync(CancellationToken.None);
await app.RunAsync();
return 0;
