using System.Linq;
using System.Xml.Linq;

namespace CrmRelationship.SolutionModel;

// The plug-in assembly and its steps.
internal static class PluginReader
{
    public static PluginAssemblyRegistration ReadAssembly(SourceFile file)
    {
        var xml = Xml.Load(file);
        var root = xml.Root;
        var types = (root.Element("PluginTypes")?.Elements("PluginType") ?? Enumerable.Empty<XElement>())
            .Select(t => new PluginTypeRegistration(
                xml.ParseGuid(xml.Attr(t, "PluginTypeId"), "PluginTypeId"),
                xml.Attr(t, "Name"),
                xml.Attr(t, "AssemblyQualifiedName"),
                xml.Text(t, "FriendlyName")))
            .ToList();
        return new PluginAssemblyRegistration(
            xml.ParseGuid(xml.Attr(root, "PluginAssemblyId"), "PluginAssemblyId"),
            AssemblyIdentity.Parse(xml.Attr(root, "FullName")),
            xml.Int(root, "IsolationMode"),
            xml.Int(root, "SourceType"),
            string.Join("/", file.Folders),
            xml.Text(root, "FileName"),
            types);
    }

    public static StepRegistration ReadStep(SourceFile file) => ReadStep(Xml.Load(file), file.FullPath);

    public static StepRegistration ReadStep(Xml xml, string path)
    {
        var root = xml.Root;
        if (root.Name.LocalName != "SdkMessageProcessingStep")
        {
            throw xml.Error($"root element is <{root.Name.LocalName}>, not <SdkMessageProcessingStep>");
        }

        var messageId = xml.GuidText(root, "SdkMessageId");
        var images = (root.Element("SdkMessageProcessingStepImages")?.Elements("SdkMessageProcessingStepImage")
                ?? Enumerable.Empty<XElement>())
            .Select(i => new StepImage(
                xml.GuidText(i, "SdkMessageProcessingStepImageId"),
                xml.Attr(i, "Name"),
                Xml.OptionalText(i, "EntityAlias") ?? string.Empty,
                xml.Int(i, "ImageType"),
                Xml.OptionalText(i, "MessagePropertyName") ?? string.Empty,
                Xml.CommaList(Xml.OptionalText(i, "Attributes"))))
            .ToList();
        var configuration = Xml.OptionalText(root, "Configuration");
        return new StepRegistration(
            xml.ParseGuid(xml.Attr(root, "SdkMessageProcessingStepId"), "SdkMessageProcessingStepId"),
            (string?)root.Attribute("Name") ?? string.Empty,
            xml.Text(root, "PluginTypeName"),
            xml.GuidText(root, "PluginTypeId"),
            SdkMessages.TryNameOf(messageId) ?? throw xml.Error($"SdkMessageId {messageId} is not Create, Update or Delete"),
            xml.Text(root, "PrimaryEntity"),
            xml.Int(root, "Stage"),
            xml.Int(root, "Mode"),
            root.Element("Rank") is null ? 1 : xml.Int(root, "Rank"),
            Xml.CommaList(Xml.OptionalText(root, "FilteringAttributes")),
            string.IsNullOrWhiteSpace(configuration) ? null : configuration,
            images,
            path)
        {
            Description = Xml.OptionalText(root, "Description") ?? string.Empty,
            AsyncAutoDelete = root.Element("AsyncAutoDelete") is null ? 0 : xml.Int(root, "AsyncAutoDelete"),
        };
    }
}
