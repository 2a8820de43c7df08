using System.Xml.Linq;

namespace AdoptionCrm.Solution.Source;

/// <summary>
/// Reads the cascade configuration of each one-to-many relationship in Other/Relationships/*.xml
/// (&lt;CascadeDelete&gt;, &lt;CascadeAssign&gt;, &lt;CascadeReparent&gt;, &lt;CascadeMerge&gt;, as exports write them;
/// a missing element is NoCascade).
/// </summary>
public static class RelationshipCascadeReader
{
    public static IReadOnlyList<RelationshipCascade> ReadAll(SourceFiles files)
    {
        var result = new List<RelationshipCascade>();
        foreach (var path in files.Under(RelationshipReader.Folder, ".xml"))
        foreach (var rel in SourceXml.Load(files, path).Root!.Elements("EntityRelationship"))
        {
            if (SourceXml.Optional(rel, "EntityRelationshipType") != "OneToMany") continue;
            result.Add(new RelationshipCascade(
                SourceXml.RequiredAttribute(path, rel, "Name"),
                SourceXml.Required(path, rel, "ReferencingEntityName").ToLowerInvariant(),
                SourceXml.Required(path, rel, "ReferencingAttributeName").ToLowerInvariant(),
                SourceXml.Required(path, rel, "ReferencedEntityName").ToLowerInvariant(),
                Type(path, rel, "CascadeDelete"), Type(path, rel, "CascadeAssign"), Type(path, rel, "CascadeReparent"), Type(path, rel, "CascadeMerge")));
        }
        return result;
    }

    private static CascadeType Type(string path, XElement rel, string child)
    {
        var text = SourceXml.Optional(rel, child);
        if (text is null) return CascadeType.NoCascade;
        return Enum.TryParse<CascadeType>(text, ignoreCase: false, out var type) ? type
            : throw SourceXml.Error(path, rel.Element(child)!, $"'{text}' is not a cascade type (NoCascade, Cascade, Active, UserOwned, RemoveLink, Restrict)");
    }
}
