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

    public static StepRegistration ReadStep(SourceFile file)
    {
        var xml = Xml.Load(file);
        var root = xml.Root;
        var qualified = xml.Text(root, "PluginTypeName");
        var messageId = xml.GuidText(root, "SdkMessageId");
        var images = (root.Element("SdkMessageProcessingStepImages")?.Elements("SdkMessageProcessingStepImage")
                ?? Enumerable.Empty<XElement>())
            .Select(i => new StepImage(
                xml.GuidText(i, "SdkMessageProcessingStepImageId"),
                xml.Attr(i, "Name"),
                xml.Text(i, "EntityAlias"),
                (ImageType)xml.Int(i, "ImageType"),
                xml.Text(i, "MessagePropertyName"),
                Xml.CommaList(Xml.OptionalText(i, "Attributes"))))
            .ToList();
        return new StepRegistration(
            xml.ParseGuid(xml.Attr(root, "SdkMessageProcessingStepId"), "SdkMessageProcessingStepId"),
            xml.Attr(root, "Name"),
            AssemblyIdentity.ParseQualifiedTypeName(qualified).TypeName,
            qualified,
            xml.GuidText(root, "PluginTypeId"),
            SdkMessages.NameOf(messageId) ?? throw xml.Error($"unknown SdkMessageId {messageId}"),
            messageId,
            xml.Text(root, "PrimaryEntity"),
            (PipelineStage)xml.Int(root, "Stage"),
            (StepMode)xml.Int(root, "Mode"),
            xml.Int(root, "Rank"),
            Xml.CommaList(Xml.OptionalText(root, "FilteringAttributes")),
            Xml.OptionalText(root, "Configuration") ?? string.Empty,
            Xml.OptionalText(root, "Description") ?? string.Empty,
            images);
    }

}
