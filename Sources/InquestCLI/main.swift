print("inquest")
