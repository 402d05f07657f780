x = r"""a\\n""" f"{{a}}" b"\x00" u"\u00e9\N{DASH}"
if __name__ == "__main__":
    subprocess.run(["python", "manage.py", "migrate"]); os.system("ls " \
  "-l")
