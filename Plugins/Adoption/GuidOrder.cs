using System;
using System.Collections.Generic;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>Orders ids by their text form, the same on every runtime (deterministic lock order and output).</summary>
    public sealed class GuidOrder : IComparer<Guid>
    {
        public static readonly GuidOrder Instance = new GuidOrder();

        public int Compare(Guid x, Guid y) => string.CompareOrdinal(x.ToString("N"), y.ToString("N"));
    }
}
