using Zaiko.Web.Cli;
using Zaiko.Web.Hosting;

namespace Zaiko.Tests.Web;

public sealed class InvocationTests
{
    [Fact]
    public void Parse_RunsTheServerAsAll_WhenNoArguments()
    {
        var invocation = Invocation.Parse([]);

        Assert.Equal((null, ZaikoRole.All, null), (invocation.Verb, invocation.Role, invocation.Error));
    }

    [Theory]
    [InlineData("--role", "worker")]
    [InlineData("--role=worker", null)]
    [InlineData("--role=WORKER", null)]
    public void Parse_ReadsTheRole_InEitherForm(string first, string? second)
    {
        var invocation = Invocation.Parse(second is null ? [first, "--urls", "http://127.0.0.1:1"] : [first, second, "--urls", "http://127.0.0.1:1"]);

        Assert.Equal(ZaikoRole.Worker, invocation.Role);
        Assert.Equal(["--urls", "http://127.0.0.1:1"], invocation.HostArgs);
    }

    [Theory]
    [InlineData("--role=boss")]
    [InlineData("--role=1")]
    [InlineData("--role")]
    public void Parse_RejectsAnUnknownRole_WithTheAllowedValues(string arg)
    {
        var invocation = Invocation.Parse([arg]);

        Assert.NotNull(invocation.Error);
        Assert.Contains("all, web or worker", invocation.Error);
    }

    [Fact]
    public void Parse_SeparatesTheVerbsArguments_FromConfigurationOverrides()
    {
        var invocation = Invocation.Parse(["migrate", "--ConnectionStrings:Zaiko=Host=x"]);

        Assert.Equal("migrate", invocation.Verb);
        Assert.Empty(invocation.VerbArgs);
        Assert.Equal(["--ConnectionStrings:Zaiko=Host=x"], invocation.HostArgs);
    }

    [Fact]
    public void Parse_RejectsAnUnknownVerb_ListingTheKnownOnes()
    {
        var invocation = Invocation.Parse(["migrat"]);

        Assert.Contains("unknown command 'migrat'", invocation.Error);
        Assert.Contains("migrate", invocation.Error);
    }

    [Fact]
    public void Parse_KeepsTheIdOptionForTheVerb_InBothForms()
    {
        var invocation = Invocation.Parse(["parse", "yahoo", "page.html", "--id=o1202015332", "--Sandbox:Enabled=true"]);

        Assert.Equal(["yahoo", "page.html", "--id=o1202015332"], invocation.VerbArgs);
        Assert.Equal(["--Sandbox:Enabled=true"], invocation.HostArgs);
    }
}
