using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shop.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SqlitePriceAsReal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
