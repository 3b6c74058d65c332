using System.Diagnostics;
using VocEdWeek.Bot.Tests.Fakes;

namespace VocEdWeek.Bot.Tests.Features.Exports;

/// <summary>
/// Opens exports the way a person without Excel would: LibreOffice headless converts them to PDF (one call for
/// all files, a private profile per run so parallel runs do not share one), poppler renders pages and extracts text.
/// </summary>
public static class LibreOffice
{
    /// <summary>Converts the files into <paramref name="outDir"/>; returns file → PDF path.</summary>
    public static IReadOnlyDictionary<string, string> ToPdf(IEnumerable<string> files, string outDir)
    {
        var list = files.ToList();
        Directory.CreateDirectory(outDir);
        var profile = Path.Combine(Path.GetTempPath(), "vocedweek-lo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var args = new List<string> { $"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir };
            args.AddRange(list);
            var (code, output) = Run("soffice", args, TimeSpan.FromMinutes(4));
            var result = list.ToDictionary(f => f, f => Path.Combine(outDir, Path.GetFileNameWithoutExtension(f) + ".pdf"));
            var missing = result.Values.Where(p => !File.Exists(p)).ToList();
            if (code != 0 || missing.Count > 0) throw new Xunit.Sdk.XunitException($"soffice exit {code}, missing {string.Join(", ", missing)}:\n{output}");
            return result;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The PDF's text without white space (pdftotext puts spaces between Chinese and digits, and wraps cells).</summary>
    public static string PdfText(string pdf)
    {
        var (code, output) = Run("pdftotext", [pdf, "-"], TimeSpan.FromMinutes(1));
        Assert.Equal(0, code);
        return string.Concat(output.Where(c => !char.IsWhiteSpace(c)));
    }

    /// <summary>The first pages as PNGs at 80 dpi next to the PDF; returns their paths.</summary>
    public static IReadOnlyList<string> Png(string pdf, int pages = 2)
    {
        var prefix = Path.Combine(Path.GetDirectoryName(pdf)!, Path.GetFileNameWithoutExtension(pdf));
        var (code, output) = Run("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", pages.ToString(System.Globalization.CultureInfo.InvariantCulture), pdf, prefix], TimeSpan.FromMinutes(1));
        Assert.True(code == 0, output);
        return Directory.GetFiles(Path.GetDirectoryName(pdf)!, Path.GetFileName(prefix) + "-*.png");
    }

    public static int PdfPages(string pdf)
    {
        var (_, output) = Run("pdfinfo", [pdf], TimeSpan.FromMinutes(1));
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return line is null ? 0 : int.Parse(line[6..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>artifacts/exports/&lt;scenario&gt;, emptied first so old pages do not linger.</summary>
    public static string ArtifactFolder(string scenario)
    {
        var dir = Path.Combine(RepoPaths.Artifacts("exports"), scenario);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static (int Code, string Output) Run(string program, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"{program} did not finish within {timeout}.");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
