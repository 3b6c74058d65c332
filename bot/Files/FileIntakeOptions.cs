namespace VocEdWeek.Bot.Files;

/// <summary><c>Files</c> section: what liaisons may send and how big.</summary>
public sealed class FileIntakeOptions
{
    public string[] AllowedExtensions { get; set; } =
    [
        ".jpg", ".jpeg", ".png", ".gif", ".heic", ".heif", ".webp", ".bmp",
        ".mp4", ".mov", ".m4v", ".avi", ".wmv", ".mkv", ".3gp", ".webm",
        ".doc", ".docx", ".pdf", ".ppt", ".pptx", ".xls", ".xlsx", ".wps", ".txt",
    ];

    /// <summary>Largest file accepted, in bytes (default 2 GiB: phone videos are big).</summary>
    public long MaxBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    public bool IsAllowed(string fileName) =>
        AllowedExtensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);
}
