"""ETL: policy texts and spreadsheets in, targets and actuals in the database out."""
