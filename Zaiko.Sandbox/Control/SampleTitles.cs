namespace Zaiko.Sandbox.Control;

/// <summary>Word lists for plausible, clearly fictitious Japanese listing titles.</summary>
public static class SampleTitles
{
    private static readonly string[] Tags = ["【美品】", "【中古】", "【新品未開封】", "【動作確認済み】", "【ジャンク】", "【送料無料】", "", ""];
    private static readonly string[] Brands = ["ソニー", "パナソニック", "キヤノン", "ニコン", "任天堂", "シャープ", "カシオ", "セイコー", "オリンパス", "ヤマハ", "タミヤ", "バンダイ"];
    private static readonly string[] Things = ["デジタルカメラ", "ウォークマン", "腕時計", "ゲーム機本体", "ヘッドホン", "電子辞書", "交換レンズ", "プラモデル", "フィギュア", "ポータブルスピーカー", "電子ピアノ", "炊飯器"];
    private static readonly string[] Details = ["ブラック", "シルバー", "ホワイト", "限定モデル", "付属品完備", "箱付き", "説明書あり", "希少", "初期型", "国内正規品"];
    private static readonly string[] Sellers = ["zaiko_demo_shop", "sandbox_seller01", "demo_reuse_tokyo", "yahuoku_sample99", "camera_demo_osaka"];

    public static string Next(SeededRandom random) =>
        $"{random.Pick(Tags)}{random.Pick(Brands)} {random.Pick(Things)} {random.Chars("ABCDEFGHJKLMNPRSTUVWXYZ", 2)}-{random.Next(10, 999)} {random.Pick(Details)}";

    public static string Seller(SeededRandom random) => random.Pick(Sellers);
}
