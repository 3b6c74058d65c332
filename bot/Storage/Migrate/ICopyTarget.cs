namespace VocEdWeek.Bot.Storage.Migrate;

/// <summary>The database being moved to.</summary>
public interface ICopyTarget
{
    /// <summary>Every collection it takes, in the order they are copied.</summary>
    IReadOnlyList<CopyTable> Tables { get; }

    /// <summary>
    /// Writes every table's rows in one transaction (all or nothing), leaving a row whose key is already there as it is;
    /// per table, how many rows were new.
    /// </summary>
    IReadOnlyList<int> InsertAll(IReadOnlyList<IReadOnlyList<object?[]>> rows);

    /// <summary>Every row of <paramref name="table"/> as it is stored.</summary>
    IReadOnlyList<object?[]> Read(CopyTable table);
}
