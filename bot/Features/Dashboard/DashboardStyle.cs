namespace VocEdWeek.Bot.Features.Dashboard;

/// <summary>
/// The page's only style sheet, inline under the response's CSP nonce (no external resources). Phone first: at 390 px
/// the totals wrap, the grid scrolls sideways with the department column kept in place, the gallery has two columns.
/// Bar widths are SVG attributes, not style attributes, so the CSP needs no 'unsafe-inline'. The grid's box is positioned
/// so the screen-reader texts (absolute, 1 px) of cells scrolled out of view stay inside it instead of widening the page.
/// </summary>
public static class DashboardStyle
{
    public const string Css = """
        :root{--good:#1a7f37;--good-bg:#dcf3e3;--warn:#9a5b00;--warn-bg:#fdecc8;--bad:#c62828;--bad-bg:#fde2e1;--ex:#245fa8;--ex-bg:#dde9f8;--open:#6e7781;--open-bg:#eef0f3;--accent:#c8471e;--bg:#f5f6f8;--card:#fff;--text:#1f2328;--muted:#59636e;--line:#e3e6ea}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;background:var(--bg);color:var(--text);font:15px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC",sans-serif}
        header{background:var(--accent);color:#fff;padding:14px 16px}
        header h1{margin:0;font-size:20px;line-height:1.3}
        header p{margin:2px 0 0;font-size:14px;opacity:.95}
        main{max-width:1280px;margin:0 auto;padding:12px}
        section{background:var(--card);border-radius:10px;padding:12px 14px;margin:0 0 12px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
        h2{font-size:17px;margin:0 0 10px}
        .totals{display:grid;grid-template-columns:repeat(auto-fill,minmax(130px,1fr));gap:8px;margin:0;padding:0;list-style:none}
        .total{border:1px solid var(--line);border-radius:8px;padding:8px 10px}
        .total .n{display:block;font-size:22px;font-weight:600;line-height:1.2}
        .total .l{display:block;color:var(--muted);font-size:13px}
        .total.wide{grid-column:1/-1}
        .today-counts{display:flex;flex-wrap:wrap;gap:6px 16px;margin-top:4px}
        .today-counts span{white-space:nowrap}
        .today-counts b{font-size:20px;margin-right:3px}
        .items{list-style:none;margin:0;padding:0}
        .items li{padding:8px 0;border-top:1px solid var(--line)}
        .items li:first-child{border-top:0}
        .items li.today{background:#fff8e6;margin:0 -14px;padding:8px 14px}
        .it-head{display:flex;justify-content:space-between;gap:8px;font-weight:600}
        .it-detail{color:var(--muted);font-size:13px}
        svg.bar{display:block;width:100%;height:12px;margin:4px 0;border-radius:6px;overflow:hidden}
        .bar .track{fill:var(--open-bg)}.bar .on{fill:var(--good)}.bar .late{fill:#e0a100}.bar .ex{fill:#5b8fd6}.bar .miss{fill:var(--bad)}
        .legend{display:flex;flex-wrap:wrap;gap:6px 12px;margin:0 0 8px;padding:0;list-style:none;font-size:13px;color:var(--muted)}
        .grid-wrap{position:relative;overflow-x:auto;-webkit-overflow-scrolling:touch;border:1px solid var(--line);border-radius:8px}
        .grid-wrap:focus{outline:2px solid var(--accent)}
        table.grid{border-collapse:separate;border-spacing:0;min-width:100%;font-size:14px}
        .grid th,.grid td{padding:6px 6px;text-align:center;border-bottom:1px solid var(--line);white-space:nowrap}
        .grid thead th{background:#fafbfc;font-weight:600;font-size:13px;vertical-align:bottom}
        .grid thead th span{display:block;line-height:1.25}
        .grid thead th .w{color:var(--muted);font-weight:400}
        .grid thead th .tag{color:var(--accent);font-size:12px}
        .grid .dept{position:sticky;left:0;z-index:1;background:var(--card);text-align:left;font-weight:600;white-space:normal;min-width:7em;max-width:42vw;border-right:1px solid var(--line)}
        .grid thead .dept{background:#fafbfc;z-index:2}
        .grid .today{background:#fff8e6}
        .grid tbody tr:last-child>*{border-bottom:0}
        .c{display:inline-block;min-width:1.9em;padding:1px 5px;border-radius:5px;font-weight:600}
        .c.on{background:var(--good-bg);color:var(--good)}.c.late{background:var(--warn-bg);color:var(--warn)}.c.ex{background:var(--ex-bg);color:var(--ex)}.c.miss{background:var(--bad-bg);color:var(--bad)}.c.open{background:var(--open-bg);color:var(--open)}
        .hint{color:var(--muted);font-size:13px;margin:6px 0 0}
        .gallery{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:10px;margin:0;padding:0;list-style:none}
        .gallery a{display:block;border-radius:8px;overflow:hidden;background:var(--open-bg)}
        .gallery img{display:block;width:100%;height:auto;aspect-ratio:4/3;object-fit:cover}
        .cases{margin:0;padding:0;list-style:none}
        .cases li{padding:6px 0;border-top:1px solid var(--line)}
        .star{color:var(--warn);margin-right:4px}
        .pickline{display:block;font-size:13px}
        button.pick{font:inherit;font-size:13px;padding:2px 10px;border:1px solid var(--line);border-radius:6px;background:var(--card);color:var(--ex);cursor:pointer}
        .gallery .cap{display:block;font-size:13px;color:var(--muted);margin-top:3px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
        .videos{margin:0;padding:0;list-style:none}
        .videos li{padding:8px 0;border-bottom:1px solid var(--open-bg)}
        .videos a{font-weight:600;word-break:break-all}
        .videos .cap{display:block;font-size:13px;color:var(--muted)}
        .foot{color:var(--muted);font-size:13px;margin:4px 2px 16px}
        .gone{background:var(--card);border-radius:10px;padding:24px 16px;margin:24px auto;max-width:560px;font-size:17px;text-align:center}
        .gone p{margin:.4em 0}
        .sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
        @media (max-width:600px){
          main{padding:8px}
          section{padding:10px 10px;border-radius:8px}
          .items li.today{margin:0 -10px;padding:8px 10px}
          .totals{grid-template-columns:repeat(2,1fr)}
          .gallery{grid-template-columns:repeat(2,1fr);gap:8px}
          header h1{font-size:18px}
        }
        @media (min-width:900px){.gallery{grid-template-columns:repeat(auto-fill,minmax(200px,1fr))}}
        """;
}
