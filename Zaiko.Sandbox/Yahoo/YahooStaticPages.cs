namespace Zaiko.Sandbox.Yahoo;

/// <summary>Pages without item data: gone, bot wall, overload and server error.</summary>
public static class YahooStaticPages
{
    public static readonly byte[] NotFound = """
        <!DOCTYPE html>
        <html lang="ja"><head><meta charset="utf-8"/><title>Yahoo!オークション - エラー</title></head>
        <body><div id="__next"><main class="gv-l-content--vylfY8ucwifDaEwcwkr5"><div class="gv-Message--VfQdydFv7R7rEI8GeaBO gv-Message--alert--De9baJxVmoKEGFkibTJ5">
        <p>お探しのオークションは削除されたか、URLが間違っている可能性があります。</p><p>指定されたページは見つかりませんでした。</p>
        </div></main></div></body></html>
        """u8.ToArray();

    public static readonly byte[] BotWall = """
        <!DOCTYPE html>
        <html lang="ja"><head><meta charset="utf-8"/><meta name="robots" content="noindex"/><title>Yahoo! JAPAN - 画像認証</title></head>
        <body><div class="captcha-container" id="captcha"><h1>ご協力のお願い</h1>
        <p>お使いのネットワークから大量のアクセスがあったため、ロボットによるアクセスではないことを確認させてください。</p>
        <p>画像に表示されている文字を入力してください。</p>
        <form method="post" action="/captcha/verify"><img class="captcha-image" src="/captcha/image.png" alt="画像認証" width="200" height="70"/>
        <input type="text" name="captcha" autocomplete="off"/><button type="submit">送信</button></form></div></body></html>
        """u8.ToArray();

    public static readonly byte[] Busy = """
        <!DOCTYPE html>
        <html lang="ja"><head><meta charset="utf-8"/><title>Yahoo!オークション</title></head>
        <body><p>ただいまアクセスが集中しているため、ページを表示できません。しばらくしてから再度アクセスしてください。</p></body></html>
        """u8.ToArray();
}
