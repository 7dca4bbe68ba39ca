using System.ComponentModel.DataAnnotations;

namespace EditBot.Core.Storage;

/// <summary>The <c>Storage</c> section of the configuration contract.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>Sqlite</c> (embedded default, one process) or <c>Postgres</c> (shared by several instances).</summary>
    [Required]
    [RegularExpression("^(?i)(Sqlite|Postgres)$", ErrorMessage = "Storage:Provider must be Sqlite or Postgres.")]
    public string Provider { get; set; } = "Sqlite";

    [Required]
    public string ConnectionString { get; set; } = "Data Source=editbot.db";

    /// <summary>How long inputs and results are kept after their last use when no live job needs them (re-rolls use them).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan BlobRetention { get; set; } = TimeSpan.FromDays(7);

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);
}
