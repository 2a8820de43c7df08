using System.Xml.Linq;

namespace AdoptionCrm.Solution.Source;

/// <summary>Reads Other/Relationships/&lt;table&gt;.xml (root &lt;EntityRelationships&gt;), SolutionPackager's layout.</summary>
internal static class RelationshipReader
{
    public const string Folder = "Other/Relationships/";

    public static IReadOnlyList<RelationshipDefinition> ReadAll(SourceFiles files)
    {
        var result = new List<RelationshipDefinition>();
        foreach (var path in files.Under(Folder, ".xml"))
        {
            var root = SourceXml.Load(files, path).Root!;
            if (root.Name.LocalName != "EntityRelationships")
                throw SourceXml.Error(path, root, "root element must be <EntityRelationships>");
            foreach (var rel in root.Elements("EntityRelationship"))
            {
                var name = SourceXml.RequiredAttribute(path, rel, "Name");
                var type = SourceXml.Required(path, rel, "EntityRelationshipType");
                if (type != "OneToMany")
                    throw SourceXml.Error(path, rel, $"relationship {name}: only OneToMany is supported, found {type}");
                result.Add(new RelationshipDefinition(
                    name,
                    SourceXml.Required(path, rel, "ReferencingEntityName").ToLowerInvariant(),
                    SourceXml.Required(path, rel, "ReferencingAttributeName").ToLowerInvariant(),
                    SourceXml.Required(path, rel, "ReferencedEntityName").ToLowerInvariant(),
                    path));
            }
        }
        return result;
    }
}
