using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shop.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SupplierScans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ScanLeaseRunId",
                table: "Suppliers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ScanLeaseUntilUtc",
                table: "Suppliers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Error",
                table: "ScanRuns",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "ScanPages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Changes",
                table: "ScanPages",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedUntilUtc",
                table: "ScanPages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NewErrorFlags",
                table: "ScanPages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ScanLeaseRunId",
                table: "Suppliers");

            migrationBuilder.DropColumn(
                name: "ScanLeaseUntilUtc",
                table: "Suppliers");

            migrationBuilder.DropColumn(
                name: "Error",
                table: "ScanRuns");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "ScanPages");

            migrationBuilder.DropColumn(
                name: "Changes",
                table: "ScanPages");

            migrationBuilder.DropColumn(
                name: "ClaimedUntilUtc",
                table: "ScanPages");

            migrationBuilder.DropColumn(
                name: "NewErrorFlags",
                table: "ScanPages");
        }
    }
}
