namespace Microsoft.Xrm.Sdk.Query;

/// <summary>
/// Compile-time stand-in for <c>Microsoft.Xrm.Sdk.Query.ColumnSet</c>, written from the documented
/// signature. The columns a query or Retrieve returns.
/// </summary>
public sealed class ColumnSet
{
    public ColumnSet()
    {
        Columns = new DataCollection<string>();
    }

    public ColumnSet(bool allColumns)
        : this()
    {
        AllColumns = allColumns;
    }

    public ColumnSet(params string[] columns)
        : this()
    {
        Columns.AddRange(columns);
    }

    public bool AllColumns { get; set; }

    public DataCollection<string> Columns { get; set; }

    public void AddColumns(params string[] columns)
    {
        Columns.AddRange(columns);
    }

    public void AddColumn(string column)
    {
        Columns.Add(column);
    }
}
