using Microsoft.ML;
using Microsoft.ML.Data;
using ModelRegistry.ML.Schemas;
using ModelRegistry.Schemas;

namespace ModelRegistry.ML.Tests;

public sealed class MLNetColumnsTests
{
    [Fact]
    public void A_class_and_the_data_view_made_from_it_give_the_same_columns()
    {
        var ml = new MLContext(seed: 1);
        var view = ml.Data.LoadFromEnumerable([new Row { Amount = 1, Features = [1, 2, 3], Merchant = "m", Flagged = true, Count = 2 }]);

        var fromClass = MLNetColumns.From(typeof(Row), SchemaDefinition.Direction.Read);
        var fromView = MLNetColumns.From(view.Schema);

        Assert.Equal(fromClass, fromView);
        Assert.Equal(
            [
                new SchemaColumn("amount", "float", null),
                new SchemaColumn("Features", "float", [3]),
                new SchemaColumn("Merchant", "string", null),
                new SchemaColumn("Flagged", "bool", null),
                new SchemaColumn("Count", "int64", null),
            ],
            fromView);
    }

    [Fact]
    public void A_vector_of_variable_size_has_a_dynamic_dimension()
    {
        var column = MLNetColumns.Column("Tokens", new VectorDataViewType(NumberDataViewType.Single));

        Assert.Equal(new SchemaColumn("Tokens", "float", [-1]), column);
    }

    private sealed class Row
    {
        [ColumnName("amount")]
        public float Amount { get; set; }

        [VectorType(3)]
        public float[] Features { get; set; } = [];

        public string Merchant { get; set; } = "";

        public bool Flagged { get; set; }

        public long Count { get; set; }
    }
}
