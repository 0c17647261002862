using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Zaiko.Web.Pages;

/// <summary>The page shown for an error status without a body of its own: what happened and what to do, in Japanese.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Show(code);

    // Re-executed for a refused POST (a missing antiforgery token) too.
    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        Code = code;
        (Heading, Explanation) = code switch
        {
            403 => ("権限がありません", "このページを表示・操作する権限がありません。必要な場合は管理者に依頼してください。"),
            404 => ("ページが見つかりません", "URL が正しいか確認してください。商品が削除された可能性もあります。"),
            400 => ("リクエストを処理できません", "フォームの有効期限が切れたか、送信内容が正しくありません。ページを再読み込みしてからもう一度操作してください。"),
            _ => ("エラーが発生しました", "時間をおいてもう一度お試しください。続く場合は管理者に連絡してください。"),
        };
    }
}
