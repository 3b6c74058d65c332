using System.Text;
using VocEdWeek.Bot.Localization;
using static VocEdWeek.Bot.Features.Dashboard.DashboardPage;

namespace VocEdWeek.Bot.Features.Dashboard.SignIn;

/// <summary>
/// GET /tab: the personal tab's first page. It holds nothing of the week: TeamsJS (served by the bot) initializes, asks
/// Teams for the user's token, and POSTs it to /tab/session; the answer is either a signed link to open in place or one
/// sentence to show. Outside Teams, or when Teams gives no token, it says how to get a link from the bot.
/// </summary>
public static class TabPage
{
    public static string Render(Strings t, string nonce, string pathBase)
    {
        var html = new StringBuilder(4096);
        Head(html, t, t["dashboard_card_title"], nonce);
        html.Append("<body data-session=\"").Append(H(pathBase + "/tab/session")).Append("\" data-lang=\"").Append(H(t.Culture.Name))
            .Append("\" data-fallback=\"").Append(H(Sentences(t, "tab_signin_failed", "dashboard_get_link")))
            .Append("\" data-outside=\"").Append(H(Sentences(t, "tab_outside_teams", "dashboard_get_link")))
            .Append("\"><main><div class=\"gone\" role=\"status\" aria-live=\"polite\"><p id=\"tab-message\">").Append(H(t["tab_signing_in"]))
            .Append("</p></div></main><script nonce=\"").Append(nonce).Append("\" src=\"").Append(H(TeamsJsFile.Url(pathBase))).Append("\"></script>")
            .Append("<script nonce=\"").Append(nonce).Append("\">").Append(Script).Append("</script></body></html>");
        return html.ToString();
    }

    /// <summary>Sentences in a row: Chinese runs them together, English puts a space between.</summary>
    public static string Sentences(Strings t, params string[] keys) =>
        string.Join(t.Culture.TwoLetterISOLanguageName == "en" ? " " : "", keys.Select(k => t[k]));

    /// <summary>
    /// initialize → the locale from getContext → getAuthToken → POST /tab/session (the token only in the Authorization
    /// header, never in a URL) → location.replace(the signed link), or the answer's sentence. Any failure, or no answer
    /// from the host within 20 seconds (a frame that is not Teams), shows the fallback sentence; nothing of the week is
    /// ever on this page.
    /// </summary>
    private const string Script = """
        (function(){var b=document.body,p=document.getElementById('tab-message'),T=window.microsoftTeams;
        function show(text){p.textContent=text;b.setAttribute('data-state','done');}
        if(!T||(window.parent===window&&!window.opener)){show(b.getAttribute('data-outside'));return;}
        var lang=b.getAttribute('data-lang'),wait=setTimeout(function(){show(b.getAttribute('data-fallback'));},20000);
        T.app.initialize().then(function(){return T.app.getContext().then(function(c){if(c&&c.app&&c.app.locale)lang=c.app.locale;},function(){});})
        .then(function(){return T.authentication.getAuthToken();})
        .then(function(token){return fetch(b.getAttribute('data-session')+'?lang='+encodeURIComponent(lang),{method:'POST',headers:{'Authorization':'Bearer '+token},credentials:'omit',cache:'no-store'});})
        .then(function(r){clearTimeout(wait);return r.json().then(function(a){if(r.ok&&a.url){b.setAttribute('data-state','go');location.replace(a.url);}else{show(a.message||b.getAttribute('data-fallback'));}});})
        .catch(function(){clearTimeout(wait);show(b.getAttribute('data-fallback'));});})();
        """;
}
