using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shop.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AdminCatalogueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Products_Kind_Name_Id",
                table: "Products",
                columns: new[] { "Kind", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Name_Id",
                table: "Products",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_OnHold_Name_Id",
                table: "Products",
                columns: new[] { "OnHold", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Price_Id",
                table: "Products",
                columns: new[] { "Price", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_UpdatedUtc",
                table: "Products",
                column: "UpdatedUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Products_Kind_Name_Id",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_Name_Id",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_OnHold_Name_Id",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_Price_Id",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_UpdatedUtc",
                table: "Products");
        }
    }
}
