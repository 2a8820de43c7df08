using System.Xml;
using System.Xml.Schema;

namespace AdoptionCrm.Solution.Validation;

/// <summary>
/// The official CustomizationsSolution.xsd set (9.0.0.2090), embedded from Solution/schemas and compiled
/// with .NET's XmlSchemaSet: the schemas use .NET-only regex syntax, so only .NET can compile them.
/// </summary>
public static class CustomizationsSchema
{
    private static readonly Lazy<XmlSchemaSet> Set = new(Compile);

    public static XmlSchemaSet Schemas => Set.Value;

    /// <summary>Every schema error and warning in the document, with line:column.</summary>
    public static IReadOnlyList<(int Line, int Column, string Message, bool IsError)> Validate(byte[] xml)
    {
        var issues = new List<(int, int, string, bool)>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => issues.Add((e.Exception.LineNumber, e.Exception.LinePosition, e.Message, e.Severity == XmlSeverityType.Error));
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(xml), settings);
            while (reader.Read()) { }
        }
        catch (XmlException e)
        {
            issues.Add((e.LineNumber, e.LinePosition, "not well-formed: " + e.Message, true));
        }
        return issues;
    }

    private static XmlSchemaSet Compile()
    {
        var assembly = typeof(CustomizationsSchema).Assembly;
        var resolver = new EmbeddedSchemaResolver();
        var set = new XmlSchemaSet { XmlResolver = resolver };
        using (var stream = assembly.GetManifestResourceStream("schemas/CustomizationsSolution.xsd")!)
        using (var reader = XmlReader.Create(stream, new XmlReaderSettings { XmlResolver = resolver }, "embedded:///schemas/CustomizationsSolution.xsd"))
            set.Add(null, reader);
        set.Compile();
        return set;
    }

    /// <summary>Resolves xs:include to the embedded copies (names are case-sensitive, e.g. Fetch.xsd).</summary>
    private sealed class EmbeddedSchemaResolver : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            var name = "schemas/" + System.IO.Path.GetFileName(absoluteUri.AbsolutePath);
            return typeof(CustomizationsSchema).Assembly.GetManifestResourceStream(name)
                ?? throw new FileNotFoundException($"schema {name} is not embedded");
        }

        public override Uri ResolveUri(Uri? baseUri, string? relativeUri) => new(baseUri ?? new Uri("embedded:///schemas/"), relativeUri ?? "");
    }
}
