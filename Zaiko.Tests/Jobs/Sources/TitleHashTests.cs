using Zaiko.Jobs.Sources;

namespace Zaiko.Tests.Jobs.Sources;

public sealed class TitleHashTests
{
    [Fact]
    public void Compute_IsTheSame_WhenLettersAreFullWidth()
    {
        var fullWidth = TitleHash.Compute("ＡＢＣ １２３");

        Assert.Equal(TitleHash.Compute("ABC 123"), fullWidth);
    }

    [Fact]
    public void Normalize_TurnsHalfWidthKatakana_IntoFullWidth()
    {
        var normalized = TitleHash.Normalize("ﾙﾝﾊﾞ");

        Assert.Equal("ルンバ", normalized);
    }

    [Fact]
    public void Normalize_FoldsEveryRunOfWhitespace_IntoOneSpace()
    {
        var normalized = TitleHash.Normalize("ルンバ \t\n 整備済品　　iRobot\u00a0e5");

        Assert.Equal("ルンバ 整備済品 iRobot e5", normalized);
    }

    [Fact]
    public void Normalize_TrimsWhitespace_AtBothEnds()
    {
        var normalized = TitleHash.Normalize("\u3000 ルンバ \r\n");

        Assert.Equal("ルンバ", normalized);
    }

    [Fact]
    public void Compute_IsTheSame_WhenOnlyWhitespaceDiffers()
    {
        var spaced = TitleHash.Compute("  ルンバ   整備済品 ");

        Assert.Equal(TitleHash.Compute("ルンバ 整備済品"), spaced);
    }

    [Fact]
    public void Compute_Differs_WhenTheWordsDiffer()
    {
        var other = TitleHash.Compute("ルンバ e5 整備済品");

        Assert.NotEqual(TitleHash.Compute("ルンバ i7 整備済品"), other);
    }

    [Fact]
    public void Compute_IsTheLowerCaseHexSha256_OfTheNormalizedTitle()
    {
        var hash = TitleHash.Compute(" ａｂｃ ");

        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hash);
    }

    [Fact]
    public void Compute_HashesTheEmptyTitle()
    {
        var hash = TitleHash.Compute("   ");

        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hash);
    }
}
