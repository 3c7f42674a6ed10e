using System.Runtime.InteropServices;

namespace SkillScope.Store;

/// <summary>
/// The few SQLite C functions a <see cref="SqliteRowScan"/> calls per row, bound directly to the e_sqlite3 library that
/// SQLitePCLRaw loads (the same library, so the same statements). SQLitePCL's own calls marshal a SafeHandle (add and
/// release a reference) on each: at a million postings a report makes tens of millions of cell reads, and that cost
/// more than SQLite's work for the cell. The column reads only read the current row's memory, so they skip the GC
/// transition; sqlite3_step does I/O and keeps it.
/// </summary>
internal static unsafe partial class SqliteNative
{
    private const string Library = "e_sqlite3";

    [LibraryImport(Library, EntryPoint = "sqlite3_step")]
    public static partial int Step(IntPtr statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_type")]
    [SuppressGCTransition]
    public static partial int ColumnType(IntPtr statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_int64")]
    [SuppressGCTransition]
    public static partial long ColumnInt64(IntPtr statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_double")]
    [SuppressGCTransition]
    public static partial double ColumnDouble(IntPtr statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_value")]
    [SuppressGCTransition]
    private static partial IntPtr ColumnValue(IntPtr statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_value_type")]
    [SuppressGCTransition]
    private static partial int ValueType(IntPtr value);

    [LibraryImport(Library, EntryPoint = "sqlite3_value_blob")]
    [SuppressGCTransition]
    private static partial byte* ValueBlob(IntPtr value);

    [LibraryImport(Library, EntryPoint = "sqlite3_value_bytes")]
    [SuppressGCTransition]
    private static partial int ValueBytes(IntPtr value);

    /// <summary>
    /// A text cell's UTF-8 bytes as stored (empty for NULL or the empty text, <paramref name="isNull"/> telling them
    /// apart), valid until the statement steps again. One call that takes the connection's mutex (SQLite's default,
    /// serialized mode takes it in every sqlite3_column_* call: a lock and an unlock per call were a sixth of a market
    /// report's CPU), then reads of the cell's value, which take none; the scan's connection is used by this thread only.
    /// </summary>
    public static ReadOnlySpan<byte> ColumnText(IntPtr statement, int column, out bool isNull)
    {
        var value = ColumnValue(statement, column);
        isNull = ValueType(value) == SQLitePCL.raw.SQLITE_NULL;
        if (isNull)
        {
            return default;
        }

        // sqlite3_value_blob first, then sqlite3_value_bytes (the order SQLite documents).
        var bytes = ValueBlob(value);
        return bytes is null ? default : new ReadOnlySpan<byte>(bytes, ValueBytes(value));
    }
}
