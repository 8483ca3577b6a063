import java.io.File;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmg.pmml.Header;
import org.dmg.pmml.MiningField;
import org.dmg.pmml.Model;
import org.dmg.pmml.PMML;
import org.jpmml.converter.Label;
import org.jpmml.converter.Schema;
import org.jpmml.model.PMMLUtil;
import org.jpmml.python.FileStorage;
import org.jpmml.python.PickleUtil;
import org.jpmml.python.Storage;
import org.jpmml.sklearn.SkLearnEncoder;
import sklearn.Estimator;

/**
 * Turns a pickled scikit-learn classifier into PMML with org.jpmml:pmml-sklearn (Maven Central), the
 * inputs named after the vocabulary as features.tsv lists them, each with its training median as the
 * value that replaces a missing input (a thin file has no bureau.score, yet must still be scored so
 * that the rules can decline it). Usage: java -cp <pmml-sklearn classpath> Convert.java
 * model.pkl features.tsv out.pmml "description"
 */
public class Convert {

    public static void main(String[] args) throws Exception {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        PickleUtil.init(loader, "python2pmml.properties");
        PickleUtil.init(loader, "sklearn2pmml.properties");
        Object object;
        try (Storage storage = new FileStorage(new File(args[0]))) {
            object = PickleUtil.unpickle(storage);
        }
        Estimator estimator = (Estimator) object;
        Map<String, String> medians = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String[] cells = line.split("\t");
            medians.put(cells[0], cells[1]);
        }
        SkLearnEncoder encoder = new SkLearnEncoder();
        Label label = encoder.initLabel(estimator, List.of("class"));
        var features = encoder.initFeatures(estimator, new ArrayList<>(medians.keySet()));
        Model model = estimator.encode(new Schema(encoder, label, features));
        PMML pmml = encoder.encodePMML(model);
        pmml.setHeader(new Header().setDescription(args[3]));
        for (Model m : pmml.getModels()) {
            for (MiningField field : m.getMiningSchema().getMiningFields()) {
                String median = medians.get(field.getName());
                if (median != null) field.setMissingValueReplacement(median);
            }
        }
        try (OutputStream out = new FileOutputStream(args[2])) {
            PMMLUtil.marshal(pmml, out);
        }
    }
}
