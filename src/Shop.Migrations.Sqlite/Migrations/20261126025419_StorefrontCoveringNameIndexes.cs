using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shop.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StorefrontCoveringNameIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Products_Published_OnHold_Kind_Name_Id",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_Published_OnHold_Name_Id",
                table: "Products");

            migrationBuilder.CreateIndex(
                name: "IX_Products_Published_OnHold_Kind_Name_Id_NeedleLengthMm",
                table: "Products",
                columns: new[] { "Published", "OnHold", "Kind", "Name", "Id", "NeedleLengthMm" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Published_OnHold_Name_Id_NeedleLengthMm",
                table: "Products",
                columns: new[] { "Published", "OnHold", "Name", "Id", "NeedleLengthMm" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Products_Published_OnHold_Kind_Name_Id_NeedleLengthMm",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_Published_OnHold_Name_Id_NeedleLengthMm",
                table: "Products");

            migrationBuilder.CreateIndex(
                name: "IX_Products_Published_OnHold_Kind_Name_Id",
                table: "Products",
                columns: new[] { "Published", "OnHold", "Kind", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Published_OnHold_Name_Id",
                table: "Products",
                columns: new[] { "Published", "OnHold", "Name", "Id" });
        }
    }
}
