using System.Xml;
using AdoptionCrm.Emulator.CustomApis;
using AdoptionCrm.Emulator.Metadata;
using AdoptionCrm.Solution.Model;
using AdoptionCrm.Solution.Source;
using Microsoft.AspNetCore.Http;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;

namespace AdoptionCrm.Emulator.WebApi;

/// <summary>
/// GET $metadata: the organization's CSDL, built as an EDM model with Microsoft.OData.Edm and written by its
/// CsdlWriter (PAD:webapi/web-api-service-documents). Namespace Microsoft.Dynamics.CRM, one entity type and
/// entity set per table (key = primary id, lookups as their <c>_x_value</c> Guid properties), and the Custom APIs
/// as actions and functions (bound ones take the bound type first) returning a <c>&lt;name&gt;Response</c> complex
/// type. Not modelled: navigation properties, annotations, the standard actions and functions.
/// </summary>
public static class MetadataDocument
{
    public const string Namespace = "Microsoft.Dynamics.CRM";
    public const string Resource = "$metadata";

    public static IEdmModel Build(MetadataCatalog catalog, CustomApiCatalog apis)
    {
        var model = new EdmModel();
        var container = new EdmEntityContainer(Namespace, "System");
        model.AddElement(container);
        var types = new Dictionary<string, EdmEntityType>(StringComparer.Ordinal);
        foreach (var schema in catalog.Tables.OrderBy(t => t.LogicalName, StringComparer.Ordinal))
        {
            var table = schema.Definition;
            var type = new EdmEntityType(Namespace, table.LogicalName);
            foreach (var column in table.Columns.Values.OrderBy(c => c.LogicalName, StringComparer.Ordinal))
            {
                var property = type.AddStructuralProperty(EntitySetMap.PropertyName(column), Primitive(column.Type),
                    column.LogicalName == table.PrimaryIdAttribute ? false : true);
                if (column.LogicalName == table.PrimaryIdAttribute) type.AddKeys(property);
            }
            model.AddElement(type);
            container.AddEntitySet(table.EntitySetName, type);
            types[table.LogicalName] = type;
        }
        foreach (var api in apis.All.OrderBy(a => a.UniqueName, StringComparer.Ordinal)) AddOperation(model, container, types, api);
        return model;
    }

    private static void AddOperation(EdmModel model, EdmEntityContainer container, Dictionary<string, EdmEntityType> types, CustomApiDefinition api)
    {
        IEdmTypeReference? returns = null;
        if (api.ResponseProperties.Count > 0)
        {
            var response = new EdmComplexType(Namespace, api.UniqueName + "Response");
            foreach (var property in api.ResponseProperties) response.AddStructuralProperty(property.UniqueName, TypeOf(property, types));
            model.AddElement(response);
            returns = new EdmComplexTypeReference(response, true);
        }
        var bound = api.Binding != CustomApiBinding.Global;
        EdmOperation operation = api.IsFunction
            ? new EdmFunction(Namespace, api.UniqueName, returns ?? EdmCoreModel.Instance.GetBoolean(true), bound, null, false)
            : new EdmAction(Namespace, api.UniqueName, returns, bound, null);
        if (bound && types.TryGetValue(api.BoundEntityLogicalName!, out var boundType))
        {
            IEdmTypeReference entity = new EdmEntityTypeReference(boundType, false);
            operation.AddParameter("entity", api.Binding == CustomApiBinding.EntityCollection
                ? new EdmCollectionTypeReference(new EdmCollectionType(entity)) : entity);
        }
        foreach (var parameter in api.RequestParameters) operation.AddParameter(parameter.UniqueName, TypeOf(parameter, types));
        model.AddElement(operation);
        if (!bound)
        {
            if (operation is EdmAction action) container.AddActionImport(api.UniqueName, action);
            else container.AddFunctionImport(api.UniqueName, (EdmFunction)operation);
        }
    }

    private static IEdmTypeReference TypeOf(CustomApiField field, Dictionary<string, EdmEntityType> types)
    {
        const bool nullable = true; // response properties may be unset; optional parameters may be null
        switch (field.Type)
        {
            case CustomApiType.Entity or CustomApiType.EntityReference when field.LogicalEntityName is { } t && types.TryGetValue(t, out var type):
                return new EdmEntityTypeReference(type, nullable);
            case CustomApiType.EntityCollection when field.LogicalEntityName is { } t && types.TryGetValue(t, out var type):
                return new EdmCollectionTypeReference(new EdmCollectionType(new EdmEntityTypeReference(type, false)));
            case CustomApiType.StringArray:
                return new EdmCollectionTypeReference(new EdmCollectionType(EdmCoreModel.Instance.GetString(false)));
        }
        return field.Type switch
        {
            CustomApiType.Boolean => EdmCoreModel.Instance.GetBoolean(nullable),
            CustomApiType.DateTime => EdmCoreModel.Instance.GetDateTimeOffset(nullable),
            CustomApiType.Decimal or CustomApiType.Money => EdmCoreModel.Instance.GetDecimal(nullable),
            CustomApiType.Float => EdmCoreModel.Instance.GetDouble(nullable),
            CustomApiType.Integer or CustomApiType.Picklist => EdmCoreModel.Instance.GetInt32(nullable),
            CustomApiType.Guid => EdmCoreModel.Instance.GetGuid(nullable),
            _ => EdmCoreModel.Instance.GetString(nullable), // String; an entity value of any table
        };
    }

    private static EdmPrimitiveTypeKind Primitive(ColumnType type) => type switch
    {
        ColumnType.PrimaryKey or ColumnType.UniqueIdentifier or ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner => EdmPrimitiveTypeKind.Guid,
        ColumnType.Integer or ColumnType.Picklist or ColumnType.State or ColumnType.Status => EdmPrimitiveTypeKind.Int32,
        ColumnType.BigInt => EdmPrimitiveTypeKind.Int64,
        ColumnType.Decimal or ColumnType.Money => EdmPrimitiveTypeKind.Decimal,
        ColumnType.Double => EdmPrimitiveTypeKind.Double,
        ColumnType.Boolean => EdmPrimitiveTypeKind.Boolean,
        ColumnType.DateTime => EdmPrimitiveTypeKind.DateTimeOffset,
        _ => EdmPrimitiveTypeKind.String,
    };

    public static async Task WriteAsync(HttpContext context, IEdmModel model)
    {
        var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) }))
            if (!CsdlWriter.TryWriteCsdl(model, xml, CsdlTarget.OData, out var errors))
                throw new WebApiException(500, ErrorMapper.UnexpectedCode, "The $metadata document could not be written: " + string.Join("; ", errors.Select(e => e.ErrorMessage)));
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/xml";
        context.Response.Headers["OData-Version"] = "4.0";
        await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted);
    }
}
