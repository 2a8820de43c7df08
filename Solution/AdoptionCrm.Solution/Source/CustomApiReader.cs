using System.Xml.Linq;

namespace AdoptionCrm.Solution.Source;

/// <summary>
/// Reads <c>customapis/</c> of a solution source: one folder per API named by its unique name, holding
/// customapi.xml, customapirequestparameters/&lt;p&gt;/customapirequestparameter.xml and
/// customapiresponseproperties/&lt;p&gt;/customapiresponseproperty.xml, as real exports lay them out.
/// Every problem names the file and line.
/// </summary>
public static class CustomApiReader
{
    public const string Folder = "customapis/";
    public const string ApiFile = "customapi.xml";
    public const string RequestFolder = "customapirequestparameters/";
    public const string RequestFile = "customapirequestparameter.xml";
    public const string ResponseFolder = "customapiresponseproperties/";
    public const string ResponseFile = "customapiresponseproperty.xml";

    /// <summary>Every file of every Custom API (the packer copies them into the zip as they are).</summary>
    public static IEnumerable<string> Files(SourceFiles files) => files.Paths.Where(p => p.StartsWith(Folder, StringComparison.Ordinal));

    public static IReadOnlyList<CustomApiDefinition> ReadAll(SourceFiles files)
    {
        var result = new List<CustomApiDefinition>();
        foreach (var path in files.Under(Folder, "/" + ApiFile))
        {
            var folder = path[..^ApiFile.Length];
            if (folder.Count(c => c == '/') != 2) continue; // customapis/<name>/customapi.xml only
            result.Add(ReadApi(files, path, folder));
        }
        return result;
    }

    private static CustomApiDefinition ReadApi(SourceFiles files, string path, string folder)
    {
        var root = SourceXml.Load(files, path).Root!;
        if (root.Name.LocalName != "customapi") throw SourceXml.Error(path, root, "root element must be <customapi>");
        var uniqueName = SourceXml.RequiredAttribute(path, root, "uniquename");
        var folderName = folder[Folder.Length..^1];
        if (folderName != uniqueName) throw SourceXml.Error(path, root, $"uniquename '{uniqueName}' must match its folder '{folderName}'");
        var binding = (CustomApiBinding)Enum(path, root, "bindingtype", 0, 2, 0);
        var bound = SourceXml.Optional(root, "boundentitylogicalname");
        if (binding != CustomApiBinding.Global && bound is null) throw SourceXml.Error(path, root, "a bound Custom API needs <boundentitylogicalname>");
        var pluginType = root.Element("plugintypeid")?.Element("plugintypeid")?.Value.Trim();
        Guid? pluginTypeId = null;
        if (!string.IsNullOrEmpty(pluginType))
            pluginTypeId = Guid.TryParse(pluginType, out var id) ? id : throw SourceXml.Error(path, root.Element("plugintypeid")!, $"'{pluginType}' is not a GUID");
        var request = Fields(files, folder + RequestFolder, RequestFile, "customapirequestparameter", request: true);
        var response = Fields(files, folder + ResponseFolder, ResponseFile, "customapiresponseproperty", request: false);
        return new CustomApiDefinition(uniqueName, SourceXml.Optional(root, "name") ?? uniqueName, binding, bound?.ToLowerInvariant(),
            Bool(path, root, "isfunction"), Bool(path, root, "isprivate"), (CustomApiStepTypes)Enum(path, root, "allowedcustomprocessingsteptype", 0, 2, 0),
            pluginTypeId, request, response, path);
    }

    private static IReadOnlyList<CustomApiField> Fields(SourceFiles files, string folder, string fileName, string rootName, bool request)
    {
        var result = new List<CustomApiField>();
        foreach (var path in files.Under(folder, "/" + fileName))
        {
            var root = SourceXml.Load(files, path).Root!;
            if (root.Name.LocalName != rootName) throw SourceXml.Error(path, root, $"root element must be <{rootName}>");
            var name = SourceXml.RequiredAttribute(path, root, "uniquename");
            var folderName = path[folder.Length..^(fileName.Length + 1)];
            if (folderName != name) throw SourceXml.Error(path, root, $"uniquename '{name}' must match its folder '{folderName}'");
            if (result.Any(f => f.UniqueName == name)) throw SourceXml.Error(path, root, $"'{name}' is declared twice");
            var type = (CustomApiType)Enum(path, root, "type", 0, 12, null);
            result.Add(new CustomApiField(name, type, request && Bool(path, root, "isoptional"), SourceXml.Optional(root, "logicalentityname")?.ToLowerInvariant(), path));
        }
        return result;
    }

    private static bool Bool(string path, XElement parent, string child)
    {
        var element = parent.Element(child);
        if (element is null) return false;
        return SourceXml.Int(path, element) switch
        {
            0 => false,
            1 => true,
            _ => throw SourceXml.Error(path, element, "must be 0 or 1"),
        };
    }

    private static int Enum(string path, XElement parent, string child, int min, int max, int? fallback)
    {
        var element = parent.Element(child);
        if (element is null) return fallback ?? throw SourceXml.Error(path, parent, $"missing required child <{child}>");
        var value = SourceXml.Int(path, element);
        if (value < min || value > max) throw SourceXml.Error(path, element, $"{value} is not one of {min}..{max}");
        return value;
    }
}
