using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace AdoptionCrm.Plugins.EmailDomains
{
    /// <summary>
    /// Reads the gzip text resources that the build embeds from the pinned npm packages
    /// (Plugins/ReferenceLists). Resources, not files: the Dataverse sandbox has no file system.
    /// </summary>
    internal static class ReferenceListResources
    {
        public const string PublicSuffixList = "AdoptionCrm.Plugins.ReferenceLists.public_suffix_list.dat.gz";
        public const string FreeEmailDomains = "AdoptionCrm.Plugins.ReferenceLists.free_email_domains.txt.gz";
        public const string DisposableDomains = "AdoptionCrm.Plugins.ReferenceLists.disposable_domains.txt.gz";

        /// <summary>Opens an embedded list as text; throws if the build did not embed it (a broken build, not bad input).</summary>
        public static TextReader Open(string name)
        {
            Stream stream = typeof(ReferenceListResources).Assembly.GetManifestResourceStream(name);
            if (stream == null)
                throw new InvalidOperationException("Embedded reference list '" + name + "' is missing: the build did not run the BuildReferenceLists target.");
            return new StreamReader(new GZipStream(stream, CompressionMode.Decompress), new UTF8Encoding(false));
        }

        /// <summary>The non-empty, non-comment lines of a list, trimmed.</summary>
        public static IEnumerable<string> ReadLines(TextReader reader)
        {
            string line;
            while ((line = reader.ReadLine()) != null)
            {
                line = line.Trim();
                if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal)) continue;
                yield return line;
            }
        }
    }
}
