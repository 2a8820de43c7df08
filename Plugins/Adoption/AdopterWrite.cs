using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>The one call that brings a person's adopter row to its new state: planned first, so a caller can send it later.</summary>
    public sealed class AdopterWrite
    {
        public static readonly AdopterWrite None = new AdopterWrite(AdopterWriteKind.None, null);

        public AdopterWrite(AdopterWriteKind kind, Entity row)
        {
            Kind = kind;
            Row = row;
        }

        public AdopterWriteKind Kind { get; private set; }

        /// <summary>Create: the whole row (with its id column); Update: only the changed columns; Delete: the row's id.</summary>
        public Entity Row { get; private set; }
    }
}
