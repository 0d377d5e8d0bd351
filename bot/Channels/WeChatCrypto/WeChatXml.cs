using System.Text;
using System.Xml;

namespace ChatReport.Bot.Channels.WeChatCrypto;

/// <summary>
/// The flat <c>&lt;xml&gt;</c> documents both platforms post: the child elements of the root, by
/// name (the first of each name; nested elements keep their text only). DTDs are refused and
/// nothing external is ever resolved, so a forged body cannot read files or expand entities.
/// </summary>
public static class WeChatXml
{
    private const long MaxCharacters = 1 << 20;

    /// <summary>Reads the document; throws <see cref="WeChatCryptoError.XmlUnreadable"/> when it is not one.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string xml)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml ?? ""), settings);
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element)
            {
                throw new WeChatCryptoException(WeChatCryptoError.XmlUnreadable, "The body is not an XML document.");
            }

            if (reader.IsEmptyElement)
            {
                return fields;
            }

            reader.Read();
            while (!reader.EOF && reader.NodeType != XmlNodeType.EndElement)
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    var name = reader.LocalName;
                    var value = reader.ReadElementContentAsStringOrNested();
                    fields.TryAdd(name, value);
                }
                else
                {
                    reader.Read();
                }
            }
        }
        catch (XmlException ex)
        {
            throw new WeChatCryptoException(WeChatCryptoError.XmlUnreadable, $"The body is not readable XML: {ex.Message}", ex);
        }

        return fields;
    }

    /// <summary>A flat document with each value in CDATA (numbers as they are), as the platforms write them.</summary>
    public static string Write(IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var builder = new StringBuilder("<xml>");
        foreach (var (name, value) in fields)
        {
            builder.Append('<').Append(name).Append('>');
            if (value.Length > 0 && value.All(char.IsAsciiDigit))
            {
                builder.Append(value);
            }
            else
            {
                builder.Append("<![CDATA[").Append(value.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal)).Append("]]>");
            }

            builder.Append("</").Append(name).Append('>');
        }

        return builder.Append("</xml>").ToString();
    }

    private static string ReadElementContentAsStringOrNested(this XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }

        // ReadElementContentAsString refuses child elements; a nested block keeps its text.
        using var subtree = reader.ReadSubtree();
        var text = new StringBuilder();
        while (subtree.Read())
        {
            if (subtree.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                text.Append(subtree.Value);
            }
        }

        reader.Read();
        return text.ToString();
    }
}
