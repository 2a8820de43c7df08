using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    public sealed class ColumnSet : IExtensibleDataObject
    {
        private readonly DataCollection<string> _columns = new DataCollection<string>();

        public ColumnSet() { }
        public ColumnSet(bool allColumns) { AllColumns = allColumns; }
        public ColumnSet(params string[] columns) { AddColumns(columns); }

        public bool AllColumns { get; set; }
        public DataCollection<string> Columns { get { return _columns; } }
        public ExtensionDataObject ExtensionData { get; set; }

        public void AddColumn(string column) { _columns.Add(column); }
        public void AddColumns(params string[] columns)
        {
            if (columns == null) return;
            foreach (var column in columns) _columns.Add(column);
        }
    }
}
