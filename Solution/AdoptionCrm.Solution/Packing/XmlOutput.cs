using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace AdoptionCrm.Solution.Packing;

/// <summary>Serializes as platform exports do: no BOM, no declaration, CRLF, two-space indent (§2.5).</summary>
internal static class XmlOutput
{
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static byte[] ToBytes(XElement root)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\r\n",
            NewLineHandling = NewLineHandling.Replace,
            OmitXmlDeclaration = true,
        };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings)) root.Save(writer);
        return buffer.ToArray();
    }

    /// <summary>A source file's root as a child for the combined document: no comments, no own xmlns:xsi.</summary>
    public static XElement Child(XElement sourceRoot)
    {
        var copy = new XElement(sourceRoot);
        copy.DescendantNodesAndSelf().OfType<XComment>().ToList().ForEach(c => c.Remove());
        foreach (var e in copy.DescendantsAndSelf())
            e.Attributes().Where(a => a.IsNamespaceDeclaration && a.Value == Xsi.NamespaceName).ToList().ForEach(a => a.Remove());
        return copy;
    }

    public static XElement Load(SolutionSource source, string path)
    {
        using var stream = new MemoryStream(source.Files.Read(path));
        return XDocument.Load(stream, LoadOptions.None).Root!;
    }
}
