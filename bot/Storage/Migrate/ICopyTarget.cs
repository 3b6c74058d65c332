namespace VocEdWeek.Bot.Storage.Migrate;

/// <summary>The database being moved to.</summary>
public interface ICopyTarget
{
    /// <summary>Every collection it takes, in the order they are copied.</summary>
    IReadOnlyList<CopyTable> Tables { get; }

    /// <summary>Runs <paramref name="work"/> in one transaction: every row it inserts is written, or none (all or nothing).</summary>
    T InOneTransaction<T>(Func<ICopyWriter, T> work);

    /// <summary>Every row of <paramref name="table"/> as it is stored.</summary>
    IReadOnlyList<object?[]> Read(CopyTable table);
}

/// <summary>Writes inside <see cref="ICopyTarget.InOneTransaction{T}"/>.</summary>
public interface ICopyWriter
{
    /// <summary>Inserts the rows, leaving a row whose key is already there as it is; how many were new.</summary>
    int Insert(CopyTable table, IReadOnlyList<object?[]> rows);
}
